// A throwaway embedded PostgreSQL in a temp folder, for scripts and tests that need a real
// database of their own. Removed when stopped.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/db/embedded";

export type ScratchDatabase = { url: string; home: string; stop: () => Promise<void> };

export async function startScratchDatabase(label = "scratch"): Promise<ScratchDatabase> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), `benchtop-${label}-`));
  const db = await startEmbeddedPostgres({ home });
  return {
    url: db.url,
    home,
    stop: async () => {
      await db.stop();
      await fs.rm(home, { recursive: true, force: true });
    },
  };
}

// What the demo server holds secret, read from its data folder (see playwright.config.ts).
import fs from "node:fs";
import path from "node:path";

export function demoSecrets(): string[] {
  const home = path.join(process.env.E2E_RUN_DIR!, "demo");
  return ["auth-secret", "postgres-password"].map((f) => fs.readFileSync(path.join(home, f), "utf8").trim());
}

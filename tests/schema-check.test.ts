import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function check(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/check-migrations.ts", ...args], { encoding: "utf8", timeout: 90_000 });
}

describe("db:check", () => {
  it("passes on the committed schema and migrations", () => {
    const r = check([]);
    expect(r.stderr).not.toContain("disagree");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("the migrations match prisma/schema.prisma");
  });

  it("fails, naming the difference, when the schema gains a column no migration adds", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-schema-"));
    const schema = (await fs.readFile("prisma/schema.prisma", "utf8")).replace(
      "model Project {\n",
      "model Project {\n  colour String?\n",
    );
    const file = path.join(dir, "schema.prisma");
    await fs.writeFile(file, schema);
    const r = check([file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("prisma/schema.prisma and prisma/migrations disagree");
    expect(r.stderr).toMatch(/only in the schema: +column Project\.colour text/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

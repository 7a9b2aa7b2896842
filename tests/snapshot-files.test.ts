// What `benchtop submit` sends: the directory as git would see it.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { listSnapshotFiles } from "../cli/snapshot";

it("sends the working directory minus what .gitignore, .benchtopignore and the usual suspects exclude", async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-snap-"));
  const write = async (rel: string, text = "x") => {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), text);
  };
  await write(".gitignore", "*.ckpt\n/data/\nlogs/\n");
  await write("src/.gitignore", "scratch.py\n");
  await write(".benchtopignore", "big.bin\n");
  for (const f of ["train.py", "src/model.py", "src/scratch.py", "src/keep.ckpt", "data/huge.csv", "logs/a.log", "nested/logs/b.log", "big.bin",
    ".git/HEAD", "node_modules/x/index.js", "__pycache__/m.pyc", "notes with spaces é.md", "run.sh"]) {
    await write(f);
  }
  await fs.chmod(path.join(root, "run.sh"), 0o755);
  const files = await listSnapshotFiles(root);
  expect(files.map((f) => f.path).sort()).toEqual([".benchtopignore", ".gitignore", "notes with spaces é.md", "run.sh", "src/.gitignore", "src/model.py", "train.py"]);
  expect(files.find((f) => f.path === "run.sh")!.mode).toBe(0o755);
  expect(files.find((f) => f.path === "train.py")).toMatchObject({ size: 1, sha256: "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" });
  await fs.rm(root, { recursive: true, force: true });
});

// Reading back a folder a job wrote, on a real filesystem: links (to files, to folders, in the
// middle of a path, in place of the folder itself), a FIFO, and a file of another user are never
// read; what is a regular file of the job's inside the folder is.
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openJobFile, scanJobDir } from "../../cli/agent/job-files";

let dir: string;
let outside: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-jobfiles-"));
  outside = path.join(dir, "secret");
  await fs.mkdir(outside);
  await fs.writeFile(path.join(outside, "token"), "bt_agent_secret\n");
  const out = path.join(dir, "outputs");
  await fs.mkdir(path.join(out, "sub"), { recursive: true });
  await fs.writeFile(path.join(out, "ok.txt"), "kept\n");
  await fs.writeFile(path.join(out, "sub", "ok2.txt"), "kept too\n");
  await fs.symlink(path.join(outside, "token"), path.join(out, "link-token"));
  await fs.symlink(outside, path.join(out, "dir-link"));
  await fs.symlink(outside, path.join(out, "sub", "deeper-link"));
  execFileSync("mkfifo", [path.join(out, "fifo")]);
  await fs.writeFile(path.join(out, "nobodys.txt"), "someone else's\n");
  await fs.chown(path.join(out, "nobodys.txt"), 65534, 65534);
  // The folder itself replaced by a link.
  await fs.symlink(outside, path.join(dir, "checkpoints"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const read = async (rel: string, owner: { uid: number } | null = null) => {
  const fh = await openJobFile(path.join(dir, "outputs"), rel, owner);
  if (!fh) return null;
  try {
    return (await fh.readFile()).toString();
  } finally {
    await fh.close();
  }
};

describe("a job's folder, read back", () => {
  it("lists its regular files only: no link, no linked folder, no FIFO", async () => {
    expect((await scanJobDir(path.join(dir, "outputs"))).map((f) => f.path)).toEqual(["nobodys.txt", "ok.txt", "sub/ok2.txt"]);
  });

  it("with a job user, counts only that user's files", async () => {
    expect((await scanJobDir(path.join(dir, "outputs"), { uid: 65534 })).map((f) => f.path)).toEqual(["nobodys.txt"]);
  });

  it("lists nothing when the folder itself was replaced by a link", async () => {
    expect(await scanJobDir(path.join(dir, "checkpoints"))).toEqual([]);
    expect(await openJobFile(path.join(dir, "checkpoints"), "token")).toBeNull();
  });

  it("opens a file inside, and never one through a link, at the end or on the way", async () => {
    expect(await read("ok.txt")).toBe("kept\n");
    expect(await read("sub/ok2.txt")).toBe("kept too\n");
    expect(await read("link-token")).toBeNull();
    expect(await read("dir-link/token")).toBeNull();
    expect(await read("sub/deeper-link/token")).toBeNull();
    expect(await read("../secret/token")).toBeNull();
  });

  it("opens a FIFO without blocking, and refuses it", async () => {
    expect(await read("fifo")).toBeNull();
  });

  it("refuses another user's file when a job user is named", async () => {
    expect(await read("ok.txt", { uid: 65534 })).toBeNull();
    expect(await read("nobodys.txt", { uid: 65534 })).toBe("someone else's\n");
  });
});

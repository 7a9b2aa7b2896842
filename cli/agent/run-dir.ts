// One node's folder on the agent, and who owns what in it:
//
//   <work-dir>/runs/<label>-<random>/   agent, 0711 with a job user (it must pass through to be
//                                        bound, never list), 0700 otherwise; the random part keeps
//                                        the path unguessable to other processes of the job user
//     node.json, logs.jsonl, ended.json  agent, 0600: never in the sandbox
//     datasets/<name>/...                agent, 0755, files hard links into the cache, 0444; bound read-only
//     job/                               the job user, 0700: bound as /job (sandbox.ts)
//       files/ outputs/ checkpoints/ home/ tmp/
//
// Everything under job/ is written by the agent before the job starts (the snapshot, a restored
// checkpoint), in folders it made itself a moment before, and only then handed to the job user.
// After the job it is the job's, so it is read back through job-files.ts and removed as the job
// user: a link the job left can only ever make the removal delete what the job could delete itself.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { JobUser } from "./sandbox";
import { asUser } from "./sandbox";

const JOB_PARTS = ["files", "outputs", "checkpoints", "home", "tmp"] as const;
type JobPart = (typeof JOB_PARTS)[number];

export class RunDir {
  readonly job: string;
  readonly datasets: string;

  constructor(
    readonly root: string,
    /** The job user when jobs run as one (an agent running as root), null otherwise. */
    readonly user: JobUser | null,
  ) {
    this.job = path.join(root, "job");
    this.datasets = path.join(root, "datasets");
  }

  /** A fresh name for a node's folder under `runsDir`. */
  static pathFor(runsDir: string, label: string): string {
    return path.join(runsDir, `${label.replace(/[^A-Za-z0-9._-]/g, "_")}-${randomBytes(6).toString("hex")}`);
  }

  part(p: JobPart): string {
    return path.join(this.job, p);
  }

  /** Makes the folder and the job's tree, empty, owned by the agent until handOver(). */
  async create(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true, mode: 0o700 });
    await fs.chmod(this.root, this.user ? 0o711 : 0o700);
    await fs.mkdir(this.job, { mode: 0o700 });
    for (const p of JOB_PARTS) await fs.mkdir(this.part(p), { mode: 0o700 });
  }

  /** Gives the job's tree to the job user (after the agent wrote the snapshot and checkpoint into it). */
  async handOver(): Promise<void> {
    if (!this.user) return;
    const { uid, gid } = this.user;
    const walk = async (p: string) => {
      // The tree is the agent's own until now (made fresh above): lchown never follows a link anyway.
      await fs.lchown(p, uid, gid);
      const stat = await fs.lstat(p);
      if (!stat.isDirectory()) return;
      for (const name of await fs.readdir(p)) await walk(path.join(p, name));
    };
    await walk(this.job);
  }

  /** Removes some parts of the job's tree (a run kept for its undelivered outputs keeps those). */
  async removeJobParts(parts: readonly JobPart[]): Promise<void> {
    const targets = parts.map((p) => this.part(p));
    if (this.user) await emptyAs(this.user, targets);
    // What is left is empty, or the agent's; fs.rm never follows a link either.
    for (const t of targets) await fs.rm(t, { recursive: true, force: true });
  }

  /** Removes the whole folder: the job's tree emptied first (as the job user), then the agent's files. */
  async remove(): Promise<void> {
    if (this.user) await emptyAs(this.user, [this.job]);
    await fs.rm(this.root, { recursive: true, force: true });
  }
}

/**
 * Deletes everything inside `dirs`, as the job user. chmod first, since a job may have taken the
 * write bit off its own folders; neither GNU chmod -R nor find follows the links it meets.
 */
export function emptyAs(user: JobUser, dirs: string[]): Promise<void> {
  const argv = [...asUser(user), "sh", "-c", 'for d; do chmod -R u+rwX -- "$d" 2>/dev/null; find "$d" -mindepth 1 -delete 2>/dev/null; done', "empty", ...dirs];
  return new Promise((resolve) => {
    const env = { PATH: "/usr/sbin:/usr/bin:/sbin:/bin" } as unknown as NodeJS.ProcessEnv;
    const child = spawn(argv[0]!, argv.slice(1), { cwd: "/", stdio: "ignore", env });
    child.once("error", () => resolve());
    child.once("exit", () => resolve());
  });
}

// node.json, written beside a node's files (agent-owned, 0600) so that a restarted agent can find
// and stop what this one left running (leftovers.ts), and remove its tree as the right user.
import fs from "node:fs/promises";
import path from "node:path";
import type { TAssignment } from "../../contract/agent-protocol";
import type { JobUser } from "./sandbox";
import type { JobProcess } from "./process-group";
import { SandboxedJob } from "./sandboxed-job";

/**
 * Written beside the job's files so a restarted agent can find (and stop) what this one left
 * running: a process group (pgid), or a sandbox (its PID namespace and that namespace's PID 1).
 * jobUser: who owns the job's tree, so that the next agent removes it as that user.
 */
export type NodeRecord = {
  nodeId: string;
  fencingToken: string;
  jobId: string;
  attempt: number;
  rank: number;
  pgid: number | null;
  sandbox?: { initPid: number; pidNamespace: number } | null;
  jobUser?: { name: string; uid: number; gid: number } | null;
};

export async function writeNodeRecord(runDir: string, a: TAssignment, group: JobProcess | null, jobUser: JobUser | null): Promise<void> {
  const sandbox = group instanceof SandboxedJob ? { initPid: group.initPid, pidNamespace: group.pidNamespace } : null;
  const record: NodeRecord = {
    nodeId: a.nodeId,
    fencingToken: a.fencingToken,
    jobId: a.jobId,
    attempt: a.attemptNumber,
    rank: a.nodeRank,
    pgid: group && !sandbox ? group.pid : null,
    sandbox,
    jobUser,
  };
  await fs.writeFile(path.join(runDir, "node.json"), JSON.stringify(record) + "\n", { mode: 0o600 });
}

// The end of a node, in the order the server expects: every log line delivered, the last
// checkpoint, the outputs as artifacts, then `ended`. Each step is retried while the server is
// away (it may be restarting) and skipped with a progress line when it is refused for good, so a
// refusal of one never keeps the node's GPUs held forever. `ended` waits on disk (ended.json)
// as well as in memory until the server has it.
import fs from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { TAssignment, ZEndedRequest } from "../../contract/agent-protocol";
import type { CheckpointSaver } from "./checkpoints";
import { LeaseLostError, type AgentClient } from "./client";
import { manifestOf, scanDirectory, uploadMissingBlobs, type JobDir } from "./dir-upload";
import type { LogSender } from "./log-sender";
import type { Progress } from "./progress";
import { describeError, retryUntilDone } from "./retry";
import type { RunDir } from "./run-dir";

export type NodeOutcome = Omit<z.infer<typeof ZEndedRequest>, "fencingToken">;

export type FinishArgs = {
  client: AgentClient;
  progress: Progress;
  assignment: TAssignment;
  label: string;
  run: RunDir;
  /** Rank 0 of a job that ran: the saver for the last checkpoint. */
  checkpoints: CheckpointSaver | null;
  /** Null when the job never ran (nothing to keep). */
  outputsDir: JobDir | null;
  sender: LogSender;
  outcome: NodeOutcome;
  signal: AbortSignal;
  onLeaseLost: (why: string) => void;
  onEndAcknowledged: () => void;
};

/** Returns whether `ended` was acknowledged (false when the lease was lost or the agent stopped first). */
export async function finishNode(args: FinishArgs): Promise<boolean> {
  const { client, progress, assignment: a, label, signal } = args;
  const retry = { signal, progress };
  let outputsKept = true;
  const step = async (what: string, fn: () => Promise<unknown>): Promise<boolean> => {
    try {
      await retryUntilDone(fn, { ...retry, what: `${what} of ${label}` });
      return true;
    } catch (e) {
      if (e instanceof LeaseLostError) args.onLeaseLost(`the server refused the ${what} (lease_lost)`);
      else if (!signal.aborted) progress("error", { node: label, what, error: describeError(e) });
      return false;
    }
  };

  const logs = args.sender.flush();
  if (args.checkpoints) {
    const saver = args.checkpoints;
    await step("last checkpoint", async () => {
      const result = await saver.saveIfChanged(signal);
      if (result.saved) progress("checkpoint.saved", { node: label, checkpoint: result.checkpointId, files: result.files, bytes: result.bytes, last: true });
    });
  }
  if (args.outputsDir && !signal.aborted) {
    const outputsDir = args.outputsDir;
    outputsKept = await step("artifacts", async () => {
      const files = await scanDirectory(outputsDir);
      if (files.length === 0) return;
      const manifest = await manifestOf(outputsDir, files);
      await uploadMissingBlobs(client, outputsDir, manifest, { signal });
      await client.artifacts(a.nodeId, { fencingToken: a.fencingToken, files: manifest }, signal);
      progress("artifacts.saved", { node: label, files: manifest.length, bytes: manifest.reduce((n, e) => n + e.size, 0) });
    });
  }
  const logResult = await logs;
  if (logResult === "lease_lost" || signal.aborted) return false;

  const ended = { fencingToken: a.fencingToken, ...args.outcome };
  await fs.writeFile(path.join(args.run.root, "ended.json"), JSON.stringify(ended) + "\n", { mode: 0o600 }).catch(() => undefined);
  const acknowledged = await step("ended report", () => client.ended(a.nodeId, ended, signal).then(args.onEndAcknowledged));
  progress("job.ended", {
    node: label,
    outcome: args.outcome.outcome,
    exitCode: args.outcome.exitCode,
    signal: args.outcome.signal,
    message: args.outcome.message || undefined,
    reported: acknowledged,
  });
  if (signal.aborted) return false;
  // Nothing of the job stays behind (its files may hold secrets), except what could not be
  // delivered: the next agent start tries again and keeps undelivered outputs under kept/.
  // Removal follows no link the job left (run-dir.ts).
  if (acknowledged && outputsKept && logResult === "delivered") await args.run.remove();
  else {
    await args.run.removeJobParts(["files", "checkpoints", "home", "tmp"]);
    progress("run.kept", { node: label, dir: args.run.root, why: !acknowledged ? "ended was not acknowledged" : !outputsKept ? "outputs were not delivered" : "logs were not delivered" });
  }
  return acknowledged;
}

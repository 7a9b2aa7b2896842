// Starts a node's command the way this agent isolates jobs (isolation.ts): in its sandbox as the
// job user (sandbox.ts, sandboxed-job.ts), or, with --no-isolation, as a plain process group in
// the run's folders. The contract env (job-env.ts) names the paths the job sees: the sandbox's
// fixed ones (/job/outputs, ...) or the run's real folders.
import type { TAssignment } from "../../contract/agent-protocol";
import type { Isolation } from "./isolation";
import { buildJobEnv, cudaVisibleDevices, type HostBasics } from "./job-env";
import { ProcessGroup, type JobProcess } from "./process-group";
import type { RunDir } from "./run-dir";
import { SANDBOX_PATHS, sandboxedCommand } from "./sandbox";
import { SandboxedJob } from "./sandboxed-job";

export type LaunchArgs = {
  assignment: TAssignment;
  run: RunDir;
  isolation: Isolation;
  host: HostBasics;
  agentPythonDir: string;
  /** The device nodes of these GPUs (gpu-devices.ts); [] for simulated ones. */
  gpuDevices: (gpuIndices: number[]) => string[];
  /** BENCHTOP_DATASET_* for the datasets folder as the job sees it. */
  datasetEnv: (seenAt?: string) => Record<string, string>;
  hasDatasets: boolean;
  onStdout: (chunk: Buffer) => void;
  onStderr: (chunk: Buffer) => void;
};

export async function launchJob(args: LaunchArgs): Promise<JobProcess> {
  const { assignment: a, run, isolation } = args;
  const output = { onStdout: args.onStdout, onStderr: args.onStderr };
  if (!isolation.sandbox) {
    const env = buildJobEnv(
      a,
      { outputs: run.part("outputs"), checkpoints: run.part("checkpoints"), datasets: args.datasetEnv() },
      args.host,
      args.agentPythonDir,
    );
    return ProcessGroup.start({ command: a.command, cwd: run.part("files"), env, ...output });
  }
  const devices = args.gpuDevices(a.gpuIndices);
  const env = buildJobEnv(
    a,
    {
      outputs: SANDBOX_PATHS.outputs,
      checkpoints: SANDBOX_PATHS.checkpoints,
      datasets: args.datasetEnv(SANDBOX_PATHS.datasets),
      cudaVisibleDevices: cudaVisibleDevices(a.gpuIndices, devices.length > 0),
    },
    { ...args.host, HOME: SANDBOX_PATHS.home, USER: isolation.user?.name ?? args.host.USER },
    SANDBOX_PATHS.python,
  );
  const argv = sandboxedCommand(
    isolation.user,
    { jobDir: run.job, datasetsDir: args.hasDatasets ? run.datasets : null, pythonDir: args.agentPythonDir, devices, network: a.network, binds: isolation.binds },
    a.command,
  );
  return SandboxedJob.start(argv, { env, ...output });
}

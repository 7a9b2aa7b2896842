// The environment a job's command sees, built from nothing: a minimal base, the job's own
// variables, then the contract of PRODUCT.md on top (so a job's env cannot widen its GPUs). The
// agent's own environment (its token above all) is never copied in.
import type { TAssignment } from "../../contract/agent-protocol";

/** Where benchtop_metrics.py lives; first on every job's PYTHONPATH (the repo's, or the built package's copy). */
export { AGENT_PYTHON_DIR } from "../package-info";

/** The few facts of the agent's host a job needs to find programs and a home; read once at start. */
export type HostBasics = { PATH: string; HOME: string; LANG: string; USER: string };

export type JobDirs = {
  outputs: string;
  checkpoints: string;
  /** BENCHTOP_DATASET_<NAME> (and its _READY) for each attached dataset (dataset-attach.ts). */
  datasets?: Record<string, string>;
  /** CUDA_VISIBLE_DEVICES as the job must see it (cudaVisibleDevices); default: the assignment's indices. */
  cudaVisibleDevices?: string;
};

/**
 * CUDA_VISIBLE_DEVICES names the job's GPUs as CUDA numbers them where the job runs. Without a
 * sandbox CUDA sees every GPU of the machine, so these are nvidia-smi's indices (in PCI bus order,
 * hence CUDA_DEVICE_ORDER below). A sandbox given only its GPUs' device nodes leaves CUDA able to
 * open only those, and CUDA numbers what it can open from 0 (as in a container, or a Slurm job
 * with ConstrainDevices=yes): there the job's GPUs are 0..n-1, still in PCI bus order. Simulated
 * GPUs have no device nodes; they keep the indices the agents page shows.
 */
export function cudaVisibleDevices(gpuIndices: number[], onlyItsDeviceNodes: boolean): string {
  const sorted = [...gpuIndices].sort((a, b) => a - b);
  return (onlyItsDeviceNodes ? sorted.map((_, i) => i) : sorted).join(",");
}

export function buildJobEnv(assignment: TAssignment, dirs: JobDirs, host: HostBasics, agentPythonDir: string): Record<string, string> {
  const own = assignment.env;
  const env: Record<string, string> = {
    PATH: host.PATH,
    HOME: host.HOME,
    LANG: host.LANG,
    USER: host.USER,
    TERM: "dumb",
    PYTHONUNBUFFERED: "1",
    ...own,
  };
  // benchtop_metrics first, the job's own PYTHONPATH after it.
  env.PYTHONPATH = own.PYTHONPATH ? `${agentPythonDir}:${own.PYTHONPATH}` : agentPythonDir;
  Object.assign(env, {
    // Empty for a CPU job, so frameworks see no GPU rather than all of them.
    CUDA_VISIBLE_DEVICES: dirs.cudaVisibleDevices ?? assignment.gpuIndices.join(","),
    // The server hands out nvidia-smi's indices, which follow PCI bus order; CUDA's default order
    // is "fastest first", so without this CUDA_VISIBLE_DEVICES=1 can open another job's GPU.
    CUDA_DEVICE_ORDER: "PCI_BUS_ID",
    BENCHTOP_JOB_ID: assignment.jobId,
    BENCHTOP_ATTEMPT: String(assignment.attemptNumber),
    BENCHTOP_OUTPUT_DIR: dirs.outputs,
    BENCHTOP_CHECKPOINT_DIR: dirs.checkpoints,
    BENCHTOP_NODE_RANK: String(assignment.nodeRank),
    ...dirs.datasets,
  });
  if (assignment.nodes > 1) {
    Object.assign(env, {
      MASTER_ADDR: assignment.masterAddr ?? "",
      MASTER_PORT: String(assignment.masterPort ?? ""),
      WORLD_SIZE: String(assignment.nodes),
      NODE_RANK: String(assignment.nodeRank),
    });
  }
  return env;
}

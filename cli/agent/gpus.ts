// What GPUs this machine has, and how busy they are, from `nvidia-smi` (the one tool every
// NVIDIA driver install ships). Parsing is separate from running it so it is tested on output
// captured from real machines, including the "[N/A]" and "[Not Supported]" fields nvidia-smi
// prints for MIG-enabled GPUs, unified-memory GPUs (GB10) and older GeForce cards.
import { execFile } from "node:child_process";
import type { z } from "zod";
import type { ZGpuInfo, ZGpuStat } from "../../contract/agent-protocol";

/** pciBusId: where the GPU sits ("00000000:3B:00.0"), which names its device node (gpu-devices.ts); null for simulated GPUs. */
export type GpuInfo = z.infer<typeof ZGpuInfo> & { uuid: string | null; pciBusId?: string | null };
export type GpuStat = z.infer<typeof ZGpuStat>;

export const GPU_LIST_QUERY = ["--query-gpu=index,name,memory.total,uuid", "--format=csv,noheader,nounits"];
export const GPU_PCI_QUERY = ["--query-gpu=index,pci.bus_id", "--format=csv,noheader"];
export const GPU_STATS_QUERY = ["--query-gpu=index,utilization.gpu,memory.used", "--format=csv,noheader,nounits"];

/** A number, or null for the bracketed words nvidia-smi prints when it cannot say ("[N/A]", "[Not Supported]", "[Unknown Error]"). */
function numberOrNull(field: string | undefined): number | null {
  const text = (field ?? "").trim();
  if (text === "" || text.startsWith("[") || text === "N/A") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function csvRows(output: string): string[][] {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => line.split(",").map((field) => field.trim()));
}

/**
 * Parses `index, name, memory.total, uuid` rows. The name sits between fields we know, so a model
 * name with a comma in it survives. Unknown memory (unified-memory GPUs print "[N/A]") is 0 MB:
 * the protocol needs a number, and 0 never lets the scheduler promise memory it cannot see.
 */
export function parseGpuList(output: string): GpuInfo[] {
  const gpus: GpuInfo[] = [];
  for (const fields of csvRows(output)) {
    if (fields.length < 4) continue;
    const index = numberOrNull(fields[0]);
    if (index === null || !Number.isInteger(index)) continue;
    const uuid = fields[fields.length - 1]!;
    const memory = numberOrNull(fields[fields.length - 2]);
    const model = fields.slice(1, fields.length - 2).join(", ");
    gpus.push({ index, model: model || "unknown GPU", memoryMb: memory === null ? 0 : Math.round(memory), uuid: uuid.startsWith("[") ? null : uuid });
  }
  return gpus;
}

/** Parses `index, pci.bus_id` rows into the bus id of each index. */
export function parseGpuPci(output: string): Map<number, string> {
  const byIndex = new Map<number, string>();
  for (const fields of csvRows(output)) {
    const index = numberOrNull(fields[0]);
    if (index !== null && Number.isInteger(index) && fields[1] && !fields[1].startsWith("[")) byIndex.set(index, fields[1]);
  }
  return byIndex;
}

/** Parses `index, utilization.gpu, memory.used` rows; MIG-enabled GPUs report "[N/A]" utilisation, which stays null. */
export function parseGpuStats(output: string): GpuStat[] {
  const stats: GpuStat[] = [];
  for (const fields of csvRows(output)) {
    if (fields.length < 3) continue;
    const index = numberOrNull(fields[0]);
    if (index === null || !Number.isInteger(index)) continue;
    const utilization = numberOrNull(fields[1]);
    const memoryUsedMb = numberOrNull(fields[2]);
    stats.push({
      index,
      utilization: utilization === null ? null : Math.min(100, Math.max(0, utilization)),
      memoryUsedMb: memoryUsedMb === null ? null : Math.max(0, memoryUsedMb),
    });
  }
  return stats;
}

export type NvidiaSmi = (args: string[]) => Promise<string>;

/** Runs the real nvidia-smi; rejects when it is missing, fails (no driver: exit 9) or hangs (a wedged GPU can). */
export const runNvidiaSmi: NvidiaSmi = (args) =>
  new Promise((resolve, reject) => {
    execFile("nvidia-smi", args, { timeout: 10_000, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        reject(new Error(code === "ENOENT" ? "nvidia-smi is not installed" : (stderr || stdout || error.message).trim().split("\n")[0]));
      } else resolve(stdout);
    });
  });

export type GpuInventory = {
  gpus: GpuInfo[];
  simulated: boolean;
  /** Why no real GPUs were found, for the start-up line (null when some were). */
  note: string | null;
  stats(): Promise<GpuStat[]>;
};

/** Real GPUs when nvidia-smi answers, N simulated ones when asked (stats null), otherwise none. */
export async function detectGpus(opts: { simulate?: { count: number; model: string }; nvidiaSmi?: NvidiaSmi }): Promise<GpuInventory> {
  if (opts.simulate && opts.simulate.count > 0) {
    // A nominal 16 GiB each, so a demo lab's pages read like a real one's; `simulated` marks them everywhere.
    const gpus = Array.from({ length: opts.simulate.count }, (_, index) => ({ index, model: opts.simulate!.model, memoryMb: 16_384, uuid: null }));
    return { gpus, simulated: true, note: null, stats: async () => gpus.map((g) => ({ index: g.index, utilization: null, memoryUsedMb: null })) };
  }
  const smi = opts.nvidiaSmi ?? runNvidiaSmi;
  let gpus: GpuInfo[];
  try {
    gpus = parseGpuList(await smi(GPU_LIST_QUERY));
  } catch (e) {
    return { gpus: [], simulated: false, note: (e as Error).message, stats: async () => [] };
  }
  if (gpus.length === 0) return { gpus: [], simulated: false, note: "nvidia-smi lists no GPUs", stats: async () => [] };
  // Asked apart from the list so the list's parser keeps reading output captured on real machines.
  const pci = await smi(GPU_PCI_QUERY).then(parseGpuPci, () => new Map<number, string>());
  for (const gpu of gpus) gpu.pciBusId = pci.get(gpu.index) ?? null;
  // A heartbeat must not fail because nvidia-smi did: report no stats that time.
  const stats = async () => smi(GPU_STATS_QUERY).then(parseGpuStats, () => []);
  return { gpus, simulated: false, note: null, stats };
}

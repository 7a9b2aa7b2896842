// GPU detection from nvidia-smi output in the formats real machines print (captured with
// --format=csv,noheader,nounits), including the bracketed "[N/A]" / "[Not Supported]" fields.
import { describe, expect, it } from "vitest";
import { detectGpus, GPU_LIST_QUERY, GPU_PCI_QUERY, GPU_STATS_QUERY, parseGpuList, parseGpuStats } from "../../cli/agent/gpus";

const H100_LIST = `0, NVIDIA H100 80GB HBM3, 81559, GPU-3f8a1c2e-9b7d-4e61-a0c5-1d2e3f4a5b6c
1, NVIDIA H100 80GB HBM3, 81559, GPU-7c6b5a49-3827-4165-9d0e-f1a2b3c4d5e6
`;
// An A100 with MIG enabled reports no utilisation for the whole GPU.
const A100_MIG_STATS = `0, [N/A], 7851
1, 87, 40213
`;
// DGX Spark (GB10): unified memory, so memory fields are not applicable.
const GB10_LIST = "0, NVIDIA GB10, [N/A], GPU-a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90\n";
const GB10_STATS = "0, 3, [N/A]\n";
// Older GeForce cards do not support utilisation queries.
const GEFORCE_STATS = "0, [Not Supported], 301\r\n";

describe("nvidia-smi parsing", () => {
  it("reads index, model, memory and uuid", () => {
    expect(parseGpuList(H100_LIST)).toEqual([
      { index: 0, model: "NVIDIA H100 80GB HBM3", memoryMb: 81559, uuid: "GPU-3f8a1c2e-9b7d-4e61-a0c5-1d2e3f4a5b6c" },
      { index: 1, model: "NVIDIA H100 80GB HBM3", memoryMb: 81559, uuid: "GPU-7c6b5a49-3827-4165-9d0e-f1a2b3c4d5e6" },
    ]);
  });

  it("keeps a model name that holds a comma, and reads unknown memory as 0 MB", () => {
    expect(parseGpuList("3, Weird, Model X, 16384, GPU-x\n")).toEqual([{ index: 3, model: "Weird, Model X", memoryMb: 16384, uuid: "GPU-x" }]);
    expect(parseGpuList(GB10_LIST)).toEqual([{ index: 0, model: "NVIDIA GB10", memoryMb: 0, uuid: "GPU-a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90" }]);
  });

  it("reads stats, with [N/A] and [Not Supported] as null", () => {
    expect(parseGpuStats(A100_MIG_STATS)).toEqual([
      { index: 0, utilization: null, memoryUsedMb: 7851 },
      { index: 1, utilization: 87, memoryUsedMb: 40213 },
    ]);
    expect(parseGpuStats(GB10_STATS)).toEqual([{ index: 0, utilization: 3, memoryUsedMb: null }]);
    expect(parseGpuStats(GEFORCE_STATS)).toEqual([{ index: 0, utilization: null, memoryUsedMb: 301 }]);
  });

  it("ignores blank lines and lines that are not GPU rows", () => {
    expect(parseGpuList("\nNo devices were found\n\n")).toEqual([]);
    expect(parseGpuStats("")).toEqual([]);
  });
});

describe("detectGpus", () => {
  it("asks nvidia-smi with the documented queries", async () => {
    const asked: string[][] = [];
    const inventory = await detectGpus({
      nvidiaSmi: async (args) => {
        asked.push(args);
        if (args[0] === GPU_PCI_QUERY[0]) return "0, 00000000:18:00.0\n1, 00000000:3B:00.0\n";
        return args[0] === GPU_LIST_QUERY[0] ? H100_LIST : A100_MIG_STATS;
      },
    });
    expect(inventory).toMatchObject({ simulated: false, note: null });
    expect(inventory.gpus.map((g) => [g.index, g.pciBusId])).toEqual([[0, "00000000:18:00.0"], [1, "00000000:3B:00.0"]]);
    expect(await inventory.stats()).toHaveLength(2);
    expect(asked).toEqual([GPU_LIST_QUERY, GPU_PCI_QUERY, GPU_STATS_QUERY]);
  });

  it("has no GPUs, with the reason, when nvidia-smi fails (no driver) or is missing", async () => {
    const inventory = await detectGpus({
      nvidiaSmi: async () => {
        throw new Error("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.");
      },
    });
    expect(inventory.gpus).toEqual([]);
    expect(inventory.note).toMatch(/couldn't communicate with the NVIDIA driver/);
    expect(await inventory.stats()).toEqual([]);
  });

  it("heartbeat stats survive nvidia-smi failing later", async () => {
    let calls = 0;
    const inventory = await detectGpus({
      nvidiaSmi: async () => {
        if (calls++ > 0) throw new Error("GPU is lost");
        return H100_LIST;
      },
    });
    expect(await inventory.stats()).toEqual([]);
  });

  it("offers simulated GPUs, marked simulated, with null stats", async () => {
    const inventory = await detectGpus({ simulate: { count: 2, model: "demo-gpu" }, nvidiaSmi: async () => H100_LIST });
    expect(inventory.simulated).toBe(true);
    expect(inventory.gpus.map((g) => [g.index, g.model])).toEqual([[0, "demo-gpu"], [1, "demo-gpu"]]);
    expect(await inventory.stats()).toEqual([
      { index: 0, utilization: null, memoryUsedMb: null },
      { index: 1, utilization: null, memoryUsedMb: null },
    ]);
  });
});

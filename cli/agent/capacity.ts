// Which of this agent's GPUs and CPU slots are held by nodes. The server only assigns what fits,
// but a double-booked GPU is the one mistake a lab notices at once, so the agent checks too.
export class Capacity {
  private readonly gpuHolder = new Map<number, string>();
  private readonly cpuHolders = new Set<string>();

  constructor(
    private readonly gpuIndices: readonly number[],
    private readonly cpuSlots: number,
  ) {}

  hasFree(): boolean {
    return this.gpuHolder.size < this.gpuIndices.length || this.cpuHolders.size < this.cpuSlots;
  }

  /** Holds what the node needs and returns null, or returns why it cannot (a sentence). */
  claim(nodeId: string, gpus: readonly number[]): string | null {
    if (gpus.length === 0) {
      if (this.cpuHolders.size >= this.cpuSlots) {
        return this.cpuSlots === 0 ? "this agent offers no CPU slots" : `all ${this.cpuSlots} CPU slot(s) of this agent are in use`;
      }
      this.cpuHolders.add(nodeId);
      return null;
    }
    for (const index of gpus) {
      if (!this.gpuIndices.includes(index)) return `GPU ${index} is not one this agent offers (${this.gpuIndices.join(",") || "none"})`;
      const holder = this.gpuHolder.get(index);
      if (holder !== undefined) return `GPU ${index} is still in use by node ${holder}`;
    }
    if (new Set(gpus).size !== gpus.length) return `the GPU list ${gpus.join(",")} names a GPU twice`;
    for (const index of gpus) this.gpuHolder.set(index, nodeId);
    return null;
  }

  release(nodeId: string): void {
    this.cpuHolders.delete(nodeId);
    for (const [index, holder] of this.gpuHolder) if (holder === nodeId) this.gpuHolder.delete(index);
  }
}

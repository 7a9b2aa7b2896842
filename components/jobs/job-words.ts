/** "1 GPU", "2 × A100", "2 nodes × 4 × A100", "CPU only". */
export function resourcesLabel(job: { gpus: number; nodes: number; gpuType: string | null }): string {
  const perNode = job.gpus === 0 ? "CPU only" : job.gpuType ? `${job.gpus} × ${job.gpuType}` : `${job.gpus} ${job.gpus === 1 ? "GPU" : "GPUs"}`;
  return job.nodes > 1 ? `${job.nodes} nodes × ${perNode}` : perNode;
}

/** A person's name, or the part of their email before the @. */
export function personName(person: { name: string | null; email: string }): string {
  return person.name ?? person.email.split("@")[0]!;
}

/** "waiting for 2 free A100s" -> "Waiting for 2 free A100s". */
export function sentenceCase(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

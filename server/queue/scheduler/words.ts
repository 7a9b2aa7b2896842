// Small pieces of the sentences researchers read: counts of GPUs, durations, GPU-hours.

/** "1 GPU", "2 GPUs", "1 A100", "8 A100s". */
export function gpuWords(count: number, type: string | null): string {
  const unit = type ?? "GPU";
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** "a free A100", "2 free GPUs" */
export function freeGpuWords(count: number, type: string | null): string {
  return count === 1 ? `a free ${type ?? "GPU"}` : `${count} free ${type ?? "GPU"}s`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "45 s", "20 min", "1 h 20 min", "2 d 3 h". */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Decayed GPU-seconds as "0.4 GPU-h", "12 GPU-h". */
export function gpuHoursWords(gpuSeconds: number): string {
  const hours = gpuSeconds / 3600;
  const shown = hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours);
  return `${shown} GPU-h`;
}

/** "a, b and c" */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

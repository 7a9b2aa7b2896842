/** "90s", "30m", "4h", "1d", "1h30m" or plain seconds -> seconds. */
export function parseDuration(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const re = /(\d+(?:\.\d+)?)(d|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * { d: 86_400, h: 3_600, m: 60, s: 1 }[m[2] as "d" | "h" | "m" | "s"];
    matched = re.lastIndex;
  }
  return matched === text.length && matched > 0 ? Math.round(total) : null;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}m`;
}

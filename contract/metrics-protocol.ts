// The metrics protocol: one line on stdout, in any language:
//
//   ::metric step=120 loss=0.4213 acc=0.91
//   ::metric step=120 total=1000 loss=0.41       (total: steps in the run, for a progress bar)
//
// `::metric ` then space-separated key=value pairs; keys are letters, digits, _ . / - (up to 64
// characters); values are numbers (ints, floats, 1e-3, nan/inf are dropped). `step` and `total`
// are integers and not metrics themselves. A line that does not parse is just a log line.
// Python: `from benchtop_metrics import log_metrics; log_metrics(step=120, loss=0.42)`.

export type MetricLine = { step: number | null; total: number | null; values: Record<string, number> };

const PREFIX = "::metric ";
const KEY = /^[A-Za-z_][A-Za-z0-9_./-]{0,63}$/;

export function parseMetricLine(line: string): MetricLine | null {
  if (!line.startsWith(PREFIX)) return null;
  const values: Record<string, number> = {};
  let step: number | null = null;
  let total: number | null = null;
  for (const pair of line.slice(PREFIX.length).trim().split(/\s+/)) {
    const eq = pair.indexOf("=");
    if (eq <= 0) return null;
    const key = pair.slice(0, eq);
    const value = Number(pair.slice(eq + 1));
    if (!KEY.test(key) || pair.slice(eq + 1) === "") return null;
    if (!Number.isFinite(value)) continue;
    if (key === "step") step = Math.trunc(value);
    else if (key === "total") total = Math.trunc(value);
    else values[key] = value;
  }
  if (Object.keys(values).length === 0 && step === null && total === null) return null;
  return { step, total, values };
}

export function formatMetricLine(m: { step?: number; total?: number } & Record<string, number | undefined>): string {
  return PREFIX + Object.entries(m).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join(" ");
}

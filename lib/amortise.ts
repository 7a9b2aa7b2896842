// The amortisation calculator's arithmetic, shared by the server (what a rate stores) and the rate
// form (what it shows as you type), so the two can never disagree: exact decimals on BigInt, one
// rounding (half-up, to the 4 decimals a rate keeps) at the end.
//   hourly = purchasePrice / (years x hoursPerYear x utilisation / 100)

export type Amortisation = { purchasePrice: string; years: string; hoursPerYear: string; utilisation: string };

const DECIMAL = /^\s*(\d+)(?:\.(\d+))?\s*$/;

function parse(s: string): { n: bigint; scale: number } | null {
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const frac = m[2] ?? "";
  return { n: BigInt(m[1]! + frac), scale: frac.length };
}

const ten = (k: number) => BigInt(10) ** BigInt(k);

/** The hourly rate as a decimal string with `digits` decimals, or null when an input is not a plain non-negative number or a divisor is 0. */
export function amortisedHourlyText(a: Amortisation, digits = 4): string | null {
  const [p, y, h, u] = [a.purchasePrice, a.years, a.hoursPerYear, a.utilisation].map(parse);
  if (!p || !y || !h || !u) return null;
  const den = y.n * h.n * u.n * ten(p.scale);
  if (den === BigInt(0)) return null;
  const num = p.n * BigInt(100) * ten(y.scale + h.scale + u.scale) * ten(digits);
  let q = num / den;
  if (BigInt(2) * (num % den) >= den) q += BigInt(1);
  const s = q.toString().padStart(digits + 1, "0");
  return digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
}

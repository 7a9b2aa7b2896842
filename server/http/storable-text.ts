// Text Benchtop can store. PostgreSQL refuses a NUL byte in text ("invalid byte sequence for
// encoding UTF8: 0x00", which surfaced as a 500), and a lone UTF-16 surrogate is not Unicode
// text at all (UTF-8 cannot encode it; Node writes U+FFFD and encodeURIComponent throws). Both
// arrive through JSON escapes (\u0000, \ud800) or %00, so the edges refuse them in every string
// and key of an input, naming the field, before a schema or a domain function sees them.
import { AppError } from "../errors";

export type TextProblem = { field: string; message: string; fieldMessage: string };

function loneSurrogateAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** What is wrong with one string as stored text, in words ("contains a NUL byte (\u0000)"), or null. */
export function textFault(s: string): string | null {
  if (s.includes("\u0000")) return "contains a NUL byte (\\u0000)";
  const at = loneSurrogateAt(s);
  if (at >= 0) return `contains a lone UTF-16 surrogate (\\u${s.charCodeAt(at).toString(16)})`;
  return null;
}

const WHY: Record<string, string> = { NUL: "which Benchtop cannot store", surrogate: "which is not text Benchtop can store" };

function problem(field: string, fault: string, what = field): TextProblem {
  const why = fault.includes("NUL") ? WHY.NUL : WHY.surrogate;
  return { field, message: `${what} ${fault}, ${why}.`, fieldMessage: fault };
}

/**
 * The first string or key in `value` that is not storable text, with the dotted path of its
 * field (`env.FOO`, `datasets.0.name`; `root` names a value that is itself a string). Walks
 * without recursion, so a deeply nested body cannot overflow the stack.
 */
export function findUnstorableText(value: unknown, root = "input"): TextProblem | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      const fault = textFault(v);
      if (fault) return problem(path || root, fault);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        const keyFault = textFault(key);
        if (keyFault) return problem(path || root, keyFault.replace("contains", "has a key that contains"), path || root);
        stack.push([inner, path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}

/** Throws BAD_REQUEST naming the field when `value` holds text Benchtop cannot store. */
export function assertStorableText(value: unknown, root?: string): void {
  const found = findUnstorableText(value, root);
  if (found) throw new AppError("BAD_REQUEST", found.message, { [found.field]: [found.fieldMessage] });
}

/**
 * `s` with each NUL byte and lone surrogate replaced by U+FFFD, as a UTF-8 decoder shows a byte
 * it cannot read: for text Benchtop keeps rather than refuses, such as a job's log lines.
 */
export function storableTextOf(s: string): string {
  if (textFault(s) === null) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) out += "\ufffd";
    else if (c >= 0xd800 && c <= 0xdbff && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) out += s[i]! + s[++i]!;
    else if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd";
    else out += s[i]!;
  }
  return out;
}

/** Every string and key in a JSON value through storableTextOf. */
export function withStorableText(value: unknown): unknown {
  if (typeof value === "string") return storableTextOf(value);
  if (Array.isArray(value)) return value.map(withStorableText);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableTextOf(k), withStorableText(v)]));
  return value;
}

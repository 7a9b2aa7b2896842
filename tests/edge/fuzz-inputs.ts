// What the fuzz suite sends: a plausible value for any input schema (from its JSON Schema, so
// a new route or procedure needs no entry here), every string position in it, and a seeded
// random source so a failing run can be repeated exactly (FUZZ_SEED).
import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
};

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleJson(js: JsonSchema, depth: number): unknown {
  if (depth > 8) return null;
  if (js.const !== undefined) return js.const;
  if (js.enum) return js.enum[0];
  const options = js.anyOf ?? js.oneOf;
  if (options) return sampleJson(options.find((o) => o.type !== "null") ?? options[0]!, depth + 1);
  if (js.allOf) return Object.assign({}, ...js.allOf.map((s) => sampleJson(s, depth + 1)));
  const type = Array.isArray(js.type) ? js.type.find((t) => t !== "null") : js.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(js.properties ?? {})) out[key] = sampleJson(inner, depth + 1);
      if (typeof js.additionalProperties === "object") out.FUZZ_KEY = sampleJson(js.additionalProperties, depth + 1);
      return out;
    }
    case "array":
      return js.items ? [sampleJson(js.items, depth + 1)] : [];
    case "string":
      return js.format === "email" ? "fuzz@lab.test" : "fuzz";
    case "integer":
    case "number":
      return js.minimum ?? 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return "fuzz";
  }
}

/** A value shaped like the input of these schemas (merged, as tRPC merges a procedure's inputs). */
export function sampleInput(schemas: z.ZodType[]): unknown {
  const samples = schemas.map((s) => sampleJson(z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as JsonSchema, 0));
  if (samples.length === 0) return undefined;
  if (samples.every((s) => typeof s === "object" && s !== null && !Array.isArray(s))) return Object.assign({}, ...samples);
  return samples[samples.length - 1];
}

export type StringSpot = { path: (string | number)[]; key: boolean };

/** Every string value (and every key of a record) in a sample, by its path. */
export function stringSpots(value: unknown, path: (string | number)[] = []): StringSpot[] {
  if (typeof value === "string") return [{ path, key: false }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringSpots(v, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [...(k === "FUZZ_KEY" ? [{ path: [...path, k], key: true }] : []), ...stringSpots(v, [...path, k])]);
  }
  return [];
}

/** A copy of `value` with the string (or key) at `spot` replaced by `make(old)`. */
export function withSpot(value: unknown, spot: StringSpot, make: (old: string) => string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (spot.path.length === 0) return make(value as string);
  let at: Record<string | number, unknown> = copy;
  for (const p of spot.path.slice(0, -1)) at = at[p] as Record<string | number, unknown>;
  const last = spot.path[spot.path.length - 1]!;
  if (spot.key) {
    at[make(String(last))] = at[last];
    delete at[last];
  } else at[last] = make(at[last] as string);
  return copy;
}

/** `s` with `bad` put in at a random place. */
export function insertAt(random: () => number, s: string, bad: string): string {
  const i = Math.floor(random() * (s.length + 1));
  return s.slice(0, i) + bad + s.slice(i);
}

export const BAD_ESCAPES = ["%E0%A4%A", "%", "%ZZ", "%C0%AF", "%ED%A0%80", "%F8%88%80%80%80"];
export const ODD_METHODS = ["TRACE", "PROPFIND", "MKCOL", "CONNECT", "LOCK", "PURGE"];

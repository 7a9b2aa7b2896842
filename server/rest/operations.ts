// The REST operations of the router: every procedure's `.meta({ rest })`, with the procedure's
// own schemas beside it. The REST edge and the OpenAPI document both read this one list.
import type { z } from "zod";
import type { AnyTRPCProcedure } from "@trpc/server";
import { appRouter } from "../api/root";
import type { ProcedureMeta, RestOperation } from "./meta";

export type Operation = RestOperation & {
  /** The procedure's dotted path in the router, e.g. "projects.members". */
  procedure: string;
  type: "query" | "mutation" | "subscription";
  /** The procedure's own output schema, when it has one. */
  procedureOutput: z.ZodType | undefined;
};

type ProcedureDef = { meta?: ProcedureMeta; type: Operation["type"]; output?: z.ZodType };

/** Every procedure of the router by its dotted path. */
export function routerProcedures(): [string, ProcedureDef][] {
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
  return Object.entries(procedures).map(([path, p]) => [path, p._def as unknown as ProcedureDef]);
}

let cached: Operation[] | null = null;

export function restOperations(): Operation[] {
  if (cached) return cached;
  cached = routerProcedures().flatMap(([procedure, def]) => {
    const rest = def.meta?.rest;
    const ops = rest === undefined ? [] : Array.isArray(rest) ? rest : [rest];
    return ops.map((op) => ({ ...op, procedure, type: def.type, procedureOutput: def.output }));
  });
  return cached;
}

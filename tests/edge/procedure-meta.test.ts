// One procedure per operation: every query and mutation of the router carries its REST face
// (.meta({ rest })), and every such operation is in /api/v1/openapi.json and served. Subscriptions
// are server-sent event streams for the browser (tRPC's own wire) and have no REST face.
import { describe, expect, it } from "vitest";
import { GET as v1Get } from "../../app/api/v1/[[...path]]/route";
import { restOperations, routerProcedures } from "../../server/rest/operations";
import { BASE, rest } from "./http";

describe("every procedure is a REST operation", () => {
  it("each query and mutation has REST meta", () => {
    const missing = routerProcedures()
      .filter(([, def]) => def.type !== "subscription")
      .filter(([, def]) => def.meta?.rest === undefined || (Array.isArray(def.meta.rest) && def.meta.rest.length === 0))
      .map(([path]) => path);
    expect(missing).toEqual([]);
    expect(routerProcedures().length).toBeGreaterThan(50);
  });

  it("no two operations share a method and path, and each is in the OpenAPI document", async () => {
    const ops = restOperations();
    const keys = ops.map((op) => `${op.method} ${op.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const doc = (await (await v1Get(new Request(`${BASE}/api/v1/openapi.json`))).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const absent = ops.filter((op) => !doc.paths[op.path]?.[op.method.toLowerCase()]?.operationId).map((op) => `${op.method} ${op.path} (${op.procedure})`);
    expect(absent).toEqual([]);
  });

  it("each operation is served: unauthenticated, it is a 401, never 404 or 405", async () => {
    for (const op of restOperations()) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => `x-${name}`);
      const answer = await rest(op.method, path);
      expect({ op: `${op.method} ${op.path}`, status: answer.status }).toEqual({ op: `${op.method} ${op.path}`, status: 401 });
    }
  });

  it("a procedure without REST meta would be caught: the check reads the router itself", () => {
    const paths = routerProcedures().map(([path]) => path);
    expect(paths).toEqual(expect.arrayContaining(["tokens.list", "projects.members", "me.whoami"]));
    const withMeta = new Set(restOperations().map((op) => op.procedure));
    expect(withMeta.has("tokens.list")).toBe(true);
  });
});

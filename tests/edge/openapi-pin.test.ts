// Today's REST operations are a promise to the CLI and to scripts: every method + path that
// /api/v1/openapi.json listed when the REST edge was generated from the tRPC procedures
// (fixtures/openapi-operations.json, taken from the document before that change) must still be
// listed, and still be served (a request to it is never "there is no API route").
import { describe, expect, it } from "vitest";
import { GET as v1Get } from "../../app/api/v1/[[...path]]/route";
import pinned from "./fixtures/openapi-operations.json";
import { BASE, rest } from "./http";

type Doc = { paths: Record<string, Record<string, unknown>> };

async function documentOperations(): Promise<string[]> {
  const res = await v1Get(new Request(`${BASE}/api/v1/openapi.json`));
  expect(res.status).toBe(200);
  const doc = (await res.json()) as Doc;
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
}

describe("the OpenAPI document keeps today's operations", () => {
  it("lists every pinned method and path (it may list more)", async () => {
    const listed = new Set(await documentOperations());
    const missing = (pinned as string[]).filter((op) => !listed.has(op));
    expect(missing).toEqual([]);
    expect(pinned.length).toBeGreaterThan(60);
  });

  it("serves every pinned operation: an unauthenticated call is refused as 401, never 404 or 405", async () => {
    for (const op of pinned as string[]) {
      const [method, template] = op.split(" ") as [string, string];
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => (name === "version" ? "1" : `x-${name}`));
      const answer = await rest(method, path);
      expect({ op, status: answer.status }).toEqual({ op, status: 401 });
      expect(answer.json.error).toMatchObject({ code: "unauthorized", requestId: expect.any(String) });
    }
  });
});

describe("the byte routes are in the document", () => {
  it("lists each with application/octet-stream bodies in or out", async () => {
    const res = await v1Get(new Request(`${BASE}/api/v1/openapi.json`));
    const doc = (await res.json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, { content?: Record<string, unknown> }> }>> };
    const content = doc.paths["/projects/{projectSlug}/files/content"]!;
    expect(Object.keys(content.get!.responses["200"]!.content!)).toEqual(["application/octet-stream"]);
    expect(Object.keys(content.put!.requestBody!.content)).toEqual(["application/octet-stream"]);
    expect(Object.keys(doc.paths["/blobs/{sha256}"]!.put!.requestBody!.content)).toEqual(["application/octet-stream"]);
    expect(Object.keys(doc.paths["/jobs/{jobId}/artifacts/download"]!.get!.responses["200"]!.content!)).toEqual(["application/octet-stream"]);
    expect(doc.paths["/jobs/{jobId}/logs/download"]!.get).toBeDefined();
    expect(Object.keys(doc.paths["/storage/local/{store}/{bucket}/{key}"]!)).toEqual(["get", "put"]);
  });

  it("a byte route's errors are the JSON error with a request id, and its success carries the id too", async () => {
    const missing = await rest("GET", "/jobs/nope/logs/download", { headers: { "x-request-id": "req-bytes-1" } });
    expect(missing.status).toBe(401);
    expect(missing.json.error).toEqual({ code: "unauthorized", message: expect.any(String), requestId: "req-bytes-1" });
    expect(missing.headers.get("x-request-id")).toBe("req-bytes-1");
    const wrongMethod = await rest("POST", "/jobs/nope/logs/download");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD");
  });
});

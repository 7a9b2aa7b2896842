// One error conversion for every edge (server/http/error-answer.ts): code, sentence, fields and
// the request id; an unexpected error is logged with that id and never shown.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dispatchAgentApi } from "../../server/agent-api/dispatch";
import { AppError } from "../../server/errors";
import { errorAnswerOf, ReportedError } from "../../server/http/error-answer";
import type { Logger } from "../../server/log";
import { byteRoute, type ByteRoute } from "../../server/rest/bytes";
import { answerOf, BASE, trpc } from "./http";

function recordingLog() {
  const errors: { obj: Record<string, unknown>; msg: string }[] = [];
  const log = { error: (obj: Record<string, unknown>, msg: string) => errors.push({ obj, msg }), info: () => undefined, child: () => log } as unknown as Logger;
  return { log, errors };
}

describe("errorAnswerOf", () => {
  it("a domain error keeps its code, sentence and fields, and carries the request id", () => {
    const { log, errors } = recordingLog();
    const answer = errorAnswerOf(new AppError("CONFLICT", "Someone saved version 3.", { version: ["3"] }), { requestId: "r-1", log, where: "test" });
    expect(answer).toEqual({ status: 409, code: "conflict", message: "Someone saved version 3.", fields: { version: ["3"] }, requestId: "r-1" });
    expect(errors).toEqual([]);
  });

  it("zod's refusal names the first field; a TRPCError with a domain cause is that cause", () => {
    const { log } = recordingLog();
    const zod = z.object({ name: z.string() }).safeParse({});
    expect(errorAnswerOf(zod.error, { requestId: "r-2", log, where: "test" })).toMatchObject({ status: 400, code: "bad_request", message: expect.stringMatching(/^The request is not valid: name /), fields: { name: [expect.any(String)] } });
    const wrapped = new TRPCError({ code: "FORBIDDEN", message: "x", cause: new AppError("FORBIDDEN", "Only owners may.") });
    expect(errorAnswerOf(wrapped, { requestId: "r-3", log, where: "test" })).toMatchObject({ status: 403, message: "Only owners may.", requestId: "r-3" });
  });

  it("an unexpected error is logged once with the request id and answered without its message", () => {
    const { log, errors } = recordingLog();
    const answer = errorAnswerOf(new Error("connection string postgres://secret@db"), { requestId: "r-4", log, where: "test" });
    expect(answer).toEqual({ status: 500, code: "internal", message: "Something went wrong on the server (error r-4). It has been logged.", requestId: "r-4" });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.obj).toMatchObject({ requestId: "r-4", where: "test" });
    // Already answered by tRPC's boundary (a REST call goes through it): passed on, not logged again.
    const again = errorAnswerOf(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: answer.message, cause: new ReportedError(answer) }), { requestId: "r-4", log, where: "REST" });
    expect(again).toEqual(answer);
    expect(errors).toHaveLength(1);
  });
});

describe("every edge answers in the one shape", () => {
  it("a byte route that throws unexpectedly answers the JSON error with the request id, not a bare 500", async () => {
    const route: ByteRoute = { method: "GET", path: "/boom", tag: "Test", summary: "boom", answer: { empty: 204 }, handle: async () => { throw new Error("raw secret detail"); } };
    const res = await answerOf(await byteRoute(route, new Request(`${BASE}/api/v1/boom`, { headers: { "x-request-id": "bytes-boom-1" } }), {}));
    expect(res.status).toBe(500);
    expect(res.json.error).toEqual({ code: "internal", message: "Something went wrong on the server (error bytes-boom-1). It has been logged.", requestId: "bytes-boom-1" });
    expect(res.text).not.toContain("raw secret detail");
    expect(res.headers.get("x-request-id")).toBe("bytes-boom-1");
  });

  it("the agent API's refusals carry the request id", async () => {
    const res = await answerOf(await dispatchAgentApi(new Request(`${BASE}/api/agent/v1/heartbeat`, { method: "POST", headers: { "x-request-id": "agent-1", authorization: "Bearer nope" } })));
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: "unauthorized", requestId: "agent-1" });
  });

  it("tRPC's errors carry the request id too", async () => {
    const res = await trpc("query", "projects.list", {}, { headers: { "x-request-id": "trpc-1" } });
    expect(res.status).toBe(401);
    expect(res.json.error.json.data.requestId).toBe("trpc-1");
  });
});

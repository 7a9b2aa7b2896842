// While PostgreSQL is down (issue 14): every edge answers 503 with Retry-After and one sentence,
// /api/health names the cause, and the next requests work once the server is back. This file runs
// its own embedded PostgreSQL (stopping the shared one of the global setup would break every other
// file); the app's modules read DATABASE_URL when first imported, so they are imported after it
// points here.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrate";

const SENTENCE = "The database is not answering; try again in a few seconds.";

let home: string;
let port: number;
let database: EmbeddedDatabase | null = null;
let app: Awaited<ReturnType<typeof loadApp>>;
let fixture: { token: string; agentToken: string; projectSlug: string; pool: string; actor: import("../../server/auth/actor").Actor };

async function loadApp() {
  const [http, factories, tokens, agent, health, root, errors, log, pool, users] = await Promise.all([
    import("./http"),
    import("../support/factories"),
    import("../../server/tokens/api-tokens"),
    import("../support/agent-client"),
    import("../../server/health/check-health"),
    import("../../server/api/root"),
    import("../../server/http/error-answer"),
    import("../../server/log"),
    import("../../server/db/pool"),
    import("../../server/users/users"),
  ]);
  return { ...http, ...factories, ...tokens, ...agent, ...health, ...root, ...errors, ...log, ...pool, ...users };
}

beforeAll(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-db-down-"));
  port = await freePort();
  database = await startEmbeddedPostgres({ home, port });
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  app = await loadApp();
  const owner = await app.createUser();
  const project = await app.createProjectFor(owner);
  const { token } = await app.createApiToken({ actorId: owner.id, name: "outage" });
  const pool = `outage-${Date.now()}`;
  const agent = await app.startTestAgent({ name: pool, pool, gpus: 0, cpuSlots: 1 });
  const actor = { ...(await app.findUser(owner.id))!, via: "token" as const };
  fixture = { token, agentToken: agent.token, projectSlug: project.slug, pool, actor };
}, 120_000);

afterAll(async () => {
  await app?.sql.end().catch(() => undefined);
  await database?.stop();
  await fs.rm(home, { recursive: true, force: true });
});

function recordingLog() {
  const warnings: { obj: Record<string, unknown>; msg: string }[] = [];
  const errors: { obj: Record<string, unknown>; msg: string }[] = [];
  const log = {
    warn: (obj: Record<string, unknown>, msg: string) => warnings.push({ obj, msg }),
    error: (obj: Record<string, unknown>, msg: string) => errors.push({ obj, msg }),
    info: () => undefined,
    child: () => log,
  } as unknown as import("../../server/log").Logger;
  return { log, warnings, errors };
}

const submission = () => ({ projectSlug: fixture.projectSlug, command: "echo hi", pools: [fixture.pool] });

describe.sequential("while PostgreSQL is down", () => {
  it("a REST submission works before the outage", async () => {
    const job = await app.rest("POST", "/jobs", { token: fixture.token, body: submission() });
    expect(job.status, job.text).toBe(201);
  });

  it("a query cut off by the server stopping is answered 503 too, not as an unexpected error", async () => {
    const client = await app.sql.connect();
    const sleeping = client.query("select pg_sleep(30)").then(
      () => null,
      (e: unknown) => e,
    );
    await database!.stop();
    database = null;
    const cutOff = await sleeping;
    client.release(true);
    expect(cutOff).toBeInstanceOf(Error);
    const { log, warnings } = recordingLog();
    const answer = app.errorAnswerOf(cutOff, { requestId: "cut-off-1", log, where: "test" });
    expect(answer).toMatchObject({ status: 503, code: "unavailable", message: SENTENCE, retryAfterSeconds: 5 });
    // Logged once, with the request id and the reason in words.
    expect(warnings).toEqual([{ obj: { requestId: "cut-off-1", where: "test", reason: expect.stringMatching(/^the database server (is shutting down|closed the connection)$/) }, msg: "the database is not answering" }]);
  });

  it("REST answers a submission 503 with Retry-After and the sentence, with its request id", async () => {
    const res = await app.rest("POST", "/jobs", { token: fixture.token, body: submission(), headers: { "x-request-id": "outage-rest-1" } });
    expect(res.status, res.text).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.json.error).toEqual({ code: "unavailable", message: SENTENCE, requestId: "outage-rest-1" });
  });

  it("tRPC answers SERVICE_UNAVAILABLE with the same sentence and Retry-After, over HTTP and inside a procedure", async () => {
    const res = await app.trpc("mutation", "jobs.submit", submission(), { token: fixture.token, headers: { "x-request-id": "outage-trpc-1" } });
    expect(res.status, res.text).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.json.error.json).toMatchObject({ message: SENTENCE, data: { code: "SERVICE_UNAVAILABLE" } });
    expect(res.text).not.toContain("Invalid `");
    // Past the context (who is asking is known): the procedure's own query fails the same way.
    const caller = app.createCaller({ actor: fixture.actor, requestId: "outage-trpc-2", log: app.requestLogger("outage-trpc-2") });
    const refused = await caller.jobs.submit(submission()).then(
      () => null,
      (e: unknown) => e as { code?: string; message?: string; cause?: { retryAfterSeconds?: number } },
    );
    expect(refused).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: SENTENCE, cause: { retryAfterSeconds: 5 } });
    // REST converts what tRPC's boundary answered (and logged) again: the same answer, not a second log line.
    const { log, warnings, errors } = recordingLog();
    expect(app.errorAnswerOf(refused, { requestId: "outage-trpc-2", log, where: "REST" })).toMatchObject({ status: 503, message: SENTENCE, retryAfterSeconds: 5 });
    expect([...warnings, ...errors]).toEqual([]);
  });

  it("the agent API answers 503 with the sentence, which the agent treats as retryable", async () => {
    const res = await app.answerOf(
      await (await import("../../server/agent-api/dispatch")).dispatchAgentApi(
        new Request(`${app.BASE}/api/agent/v1/heartbeat`, {
          method: "POST",
          headers: { authorization: `Bearer ${fixture.agentToken}`, "content-type": "application/json", "x-request-id": "outage-agent-1" },
          body: JSON.stringify({ gpuStats: [], nodes: [] }),
        }),
      ),
    );
    expect(res.status, res.text).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.json.error).toEqual({ code: "unavailable", message: SENTENCE, requestId: "outage-agent-1" });
    const { AgentApiError } = await import("../../cli/agent/client");
    expect(new AgentApiError("x", res.status, res.json.error.code).retryable).toBe(true);
  });

  it("/api/health names the cause, never the connection string", async () => {
    const health = await app.checkHealth();
    expect(health).toMatchObject({ ok: false, db: "down" });
    const reason = (health as { reason: string }).reason;
    expect(reason).toBe(`The database does not answer: connection refused at 127.0.0.1:${port}.`);
    const password = (await fs.readFile(path.join(home, "postgres-password"), "utf8")).trim();
    expect(JSON.stringify(health)).not.toContain(password);
  });

  it("once PostgreSQL is back, the next requests succeed without a restart of the app", async () => {
    database = await startEmbeddedPostgres({ home, port });
    const job = await app.rest("POST", "/jobs", { token: fixture.token, body: submission() });
    expect(job.status, job.text).toBe(201);
    expect(await app.checkHealth()).toMatchObject({ ok: true, db: "up" });
  });
});

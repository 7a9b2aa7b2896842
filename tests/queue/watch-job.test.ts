// jobs.watch: a job page's one live channel. Driven through the real agent API and the tRPC
// route handler; the fallback read is set to a minute, so every event these tests wait for must
// come from the job's NOTIFY channel.
import { createHash, randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../server/api/root";
import { resolveActor } from "../../server/auth/actor";
import { endsWithItsSession } from "../../server/auth/session-watch";
import { db } from "../../server/db/client";
import { log } from "../../server/log";
import { runSchedulerPass } from "../../server/queue/scheduler-pass";
import { submitJob } from "../../server/queue/submit-job";
import { watchJob, type TJobWatchEvent } from "../../server/queue/watch-job";
import { endSessions } from "../../server/users/people";
import { startTestAgent } from "../support/agent-client";
import { AuthClient, latestLink } from "../support/auth-client";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";

const tag = () => randomUUID().slice(0, 6);

async function lab() {
  const pool = `watch-${tag()}`;
  const gpuType = `gpu-${tag()}`;
  const owner = await createUser();
  const project = await createProjectFor(owner);
  const agent = await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 2, gpuType });
  const { id: jobId } = await submitJob({ actorId: owner.id, projectSlug: project.slug, command: "python train.py", gpus: 1, gpuType, pools: [pool] });
  return { owner, project, agent, jobId };
}

/** The next event within `ms`, or a failure naming what it waited for. */
async function next<T>(events: AsyncIterator<T>, what: string, ms = 8_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no event within ${ms} ms: ${what}`)), ms)));
  try {
    const step = await Promise.race([events.next(), timeout]);
    if (step.done) throw new Error(`the stream ended before: ${what}`);
    return step.value;
  } finally {
    clearTimeout(timer);
  }
}

async function uploadBlob(agent: Awaited<ReturnType<typeof startTestAgent>>, text: string) {
  const sha256 = createHash("sha256").update(text).digest("hex");
  const { dispatchAgentApi } = await import("../../server/agent-api/dispatch");
  const res = await dispatchAgentApi(
    new Request(`http://benchtop.test/api/agent/v1/blobs/${sha256}`, { method: "PUT", headers: { authorization: `Bearer ${agent.token}` }, body: text }),
  );
  expect(res.status).toBeLessThan(300);
  return { sha256, size: Buffer.byteLength(text) };
}

describe("jobs.watch", () => {
  it("pushes state, attempts, progress, metrics, GPUs and artifacts as they change, then ends with the job", async () => {
    const { owner, agent, jobId } = await lab();
    const stop = new AbortController();
    const events = watchJob({ actorId: owner.id, jobId, signal: stop.signal, fallbackMs: 60_000 });

    const first = (await next(events, "the job as it is")).event;
    expect(["queued", "starting"]).toContain(first.job.state);
    expect(first.metrics).toEqual({ reset: true, points: [] });
    expect(first.artifacts).toEqual([]);

    await runSchedulerPass();
    const [a] = await agent.claim();
    expect(a!.jobId).toBe(jobId);
    await agent.call("POST", "/heartbeat", { gpuStats: [{ index: a!.gpuIndices[0], utilization: 87, memoryUsedMb: 4_000 }], nodes: [{ nodeId: a!.nodeId, fencingToken: a!.fencingToken }] });
    expect((await agent.started(a!)).status).toBe(200);
    const running = (await next(events, "running, after the agent said it started")).event;
    expect(running.job.state).toBe("running");
    expect(running.job.attempts).toHaveLength(1);
    expect(running.job.attempts[0]!.state).toBe("running");
    expect(running.gpus).toEqual([
      expect.objectContaining({ index: a!.gpuIndices[0], utilization: 87, memoryUsedMb: 4_000, memoryMb: 16_000, model: expect.stringMatching(/^gpu-/) }),
    ]);

    await agent.logs(a!, [{ seq: 0, lines: ["epoch 0", "::metric step=1 total=4 loss=0.9"] }]);
    let event: TJobWatchEvent = (await next(events, "the first metric points")).event;
    expect(event.metrics.reset).toBe(false);
    expect(event.metrics.points.map((p) => [p.key, p.step, p.value])).toEqual([["loss", 1, 0.9], ["progress", 1, 0.25]]);
    expect(event.job.logLineCount).toBe(2);

    await agent.logs(a!, [{ seq: 1, lines: ["::metric step=2 total=4 loss=0.5"] }]);
    const more = await next(events, "the next metric points");
    event = more.event;
    // Only what arrived since: the client appends.
    expect(event.metrics.points.map((p) => [p.key, p.step, p.value])).toEqual([["loss", 2, 0.5], ["progress", 2, 0.5]]);
    expect(more.lastMetricId).toBe(event.metrics.points.at(-1)!.id);

    const blob = await uploadBlob(agent, "weights");
    expect((await agent.call("POST", `/nodes/${a!.nodeId}/artifacts`, { fencingToken: a!.fencingToken, files: [{ path: "model.bin", ...blob }] })).status).toBeLessThan(300);
    expect((await agent.ended(a!, "exited", 0)).status).toBe(200);
    const last = (await next(events, "the job's end")).event;
    expect(last.job.state).toBe("succeeded");
    expect(last.job.exitCode).toBe(0);
    expect(last.artifacts.map((x) => [x.path, x.sizeBytes])).toEqual([["model.bin", 7]]);
    expect(last.gpus).toEqual([]); // released
    // After the end, the stream ends by itself.
    expect((await events.next()).done).toBe(true);

    // Opened afresh on an ended job: one event with the newest page, then the end.
    const fresh = watchJob({ actorId: owner.id, jobId });
    const again = (await next(fresh, "the ended job")).event;
    expect(again.metrics.reset).toBe(true); // no cursor given: the newest page
    expect(again.metrics.points).toHaveLength(4);
    expect((await fresh.next()).done).toBe(true);
    // A reconnect that had seen the first points gets only the later ones.
    const afterFirstPoints = watchJob({ actorId: owner.id, jobId, afterMetricId: (await db.metricPoint.findFirstOrThrow({ where: { jobId, key: "progress", step: 1 } })).id.toString() });
    const rest = (await next(afterFirstPoints, "the points after the cursor")).event;
    expect(rest.metrics.reset).toBe(false);
    expect(rest.metrics.points.map((p) => [p.key, p.step])).toEqual([["loss", 2], ["progress", 2]]);
    stop.abort();
  });

  it("follows a chatty job at most once a second, and the coalesced event carries every point", async () => {
    const { owner, agent, jobId } = await lab();
    await runSchedulerPass();
    const [a] = await agent.claim();
    expect((await agent.started(a!)).status).toBe(200);
    const stop = new AbortController();
    const events = watchJob({ actorId: owner.id, jobId, signal: stop.signal, fallbackMs: 60_000 });
    expect((await next(events, "the running job")).event.job.state).toBe("running");

    // Twenty batches in about half a second: twenty notifications on the job's channel.
    const seen: TJobWatchEvent[] = [];
    const collecting = (async () => {
      for (;;) seen.push((await next(events, "events during the burst", 3_000)).event);
    })().catch(() => undefined);
    const began = Date.now();
    for (let seq = 0; seq < 20; seq++) {
      await agent.logs(a!, [{ seq, lines: [`::metric step=${seq + 1} loss=${1 / (seq + 1)}`] }]);
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 2_500));
    stop.abort();
    await collecting;
    const elapsed = (Date.now() - began) / 1000;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(elapsed) + 1);
    // Nothing is lost to the coalescing: every step arrives, once, in order.
    const steps = seen.flatMap((e) => e.metrics.points.filter((p) => p.key === "loss").map((p) => p.step));
    expect(steps).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("refuses someone outside the job's project, and stops a member who is removed while watching", async () => {
    const { owner, project, jobId } = await lab();
    const stranger = await createUser();
    await expect(watchJob({ actorId: stranger.id, jobId }).next()).rejects.toMatchObject({ code: "NOT_FOUND" });

    const viewer = await createUser();
    await addMemberAs(owner, project, viewer, "viewer");
    const stop = new AbortController();
    const events = watchJob({ actorId: viewer.id, jobId, signal: stop.signal, fallbackMs: 60_000 });
    expect((await next(events, "the job, for a viewer")).event.job.id).toBe(jobId);
    await db.member.deleteMany({ where: { projectId: project.id, userId: viewer.id } });
    await db.$executeRaw`SELECT pg_notify('benchtop_job', ${jobId})`;
    await expect(next(events, "a refusal once removed")).rejects.toMatchObject({ code: "NOT_FOUND" });
    stop.abort();
  });

  it("over tRPC: an SSE stream for a member, a refusal for anyone else, and the stream ends with the session that opened it", async () => {
    const { owner, project, jobId } = await lab();
    const member = await createUser({ labRole: "director" });
    await addMemberAs(owner, project, member, "viewer");
    await db.user.update({ where: { id: member.id }, data: { invitedAt: new Date() } });
    const client = new AuthClient();
    await client.requestLink(member.email);
    await client.useLink(await latestLink(member.email));
    const cookie = client.sessionCookie!;

    const open = async (cookieHeader: string) => {
      const input = encodeURIComponent(JSON.stringify({ json: { jobId } }));
      const req = endsWithItsSession(
        new Request(`http://localhost:3000/api/trpc/jobs.watch?input=${input}`, { headers: { cookie: cookieHeader, accept: "text/event-stream" } }),
        { everyMs: 50 },
      );
      const res = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req,
        router: appRouter,
        createContext: async () => ({ ...(await resolveActor(req.headers)), requestId: "t", log }),
      });
      return { req, res };
    };

    const { req, res } = await open(cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes(`"id":"${jobId}"`)) text += new TextDecoder().decode((await reader.read()).value);
    const data = text.split("\n").find((l) => l.startsWith("data: ") && l.includes(jobId))!;
    const event = superjson.deserialize<TJobWatchEvent>(JSON.parse(data.slice(6)));
    expect(event.job.state).toMatch(/queued|starting/);
    expect(event.job.submittedAt).toBeInstanceOf(Date);

    // Someone else's session: the stream carries the refusal and nothing of the job.
    const stranger = await createUser({ labRole: "director" });
    await db.user.update({ where: { id: stranger.id }, data: { invitedAt: new Date() } });
    const other = new AuthClient();
    await other.requestLink(stranger.email);
    await other.useLink(await latestLink(stranger.email));
    const refused = await open(other.sessionCookie!);
    const refusal = await refused.res.text();
    expect(refusal).toContain("NOT_FOUND");
    expect(refusal).not.toContain("python train.py");

    await endSessions({ actorId: (await createUser({ labRole: "admin" })).id, userId: member.id });
    for (;;) if ((await reader.read()).done) break;
    expect(req.signal.aborted).toBe(true);
  });
});

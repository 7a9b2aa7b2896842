// Sessions end on the server: a session cookie names a Session row, checked on every request;
// signing out or an admin ending someone's sessions deletes the row, and the cookie is dead at once.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { appRouter } from "../server/api/root";
import { resolveActor } from "../server/auth/actor";
import { db } from "../server/db/client";
import { log } from "../server/log";
import { dispatchRest } from "../server/rest/edge";
import { endsWithItsSession } from "../server/auth/session-watch";
import { submitJob } from "../server/queue/submit-job";
import { endSessions } from "../server/users/people";
import { startTestAgent } from "./support/agent-client";
import { AuthClient, latestLink } from "./support/auth-client";
import { createProjectFor, createUser } from "./support/factories";

async function signedIn(labRole: "researcher" | "director" | "admin" = "director") {
  const user = await createUser({ labRole });
  await db.user.update({ where: { id: user.id }, data: { invitedAt: new Date() } }); // so a researcher may sign in
  const client = new AuthClient();
  await client.requestLink(user.email);
  await client.useLink(await latestLink(user.email));
  expect(client.sessionCookie).not.toBeNull();
  return { user, client, cookie: client.sessionCookie! };
}

async function restMe(cookie: string) {
  const res = await dispatchRest(new Request("http://localhost:3000/api/v1/me", { headers: { cookie } }));
  return res.status;
}

async function trpcWhoami(cookie: string) {
  const req = new Request("http://localhost:3000/api/trpc/me.whoami", { headers: { cookie } });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ ...(await resolveActor(req.headers)), requestId: "t", log }),
  });
  return res.status;
}

async function authSession(cookie: string) {
  const res = await new AuthClient().get("/api/auth/session", { cookie });
  return res.json();
}

describe("sessions", () => {
  it("signing out ends the session on the server: the old cookie, replayed, gets 401 on tRPC and REST", async () => {
    const { user, client, cookie } = await signedIn();
    expect(await restMe(cookie)).toBe(200);
    expect(await trpcWhoami(cookie)).toBe(200);
    expect((await resolveActor(new Headers({ cookie }))).actor?.id).toBe(user.id);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    const out = await client.signOut();
    expect(out.status).toBe(302);
    expect(client.sessionCookie).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    expect(await restMe(cookie)).toBe(401);
    expect(await trpcWhoami(cookie)).toBe(401);
    expect((await resolveActor(new Headers({ cookie }))).actor).toBeNull();
    expect(await authSession(cookie)).toBeNull();
  });

  it("an admin ending someone's sessions kills every one of their cookies at once, and leaves others alone", async () => {
    const admin = await createUser({ labRole: "admin" });
    const first = await signedIn("researcher");
    const secondClient = new AuthClient();
    await secondClient.requestLink(first.user.email);
    await secondClient.useLink(await latestLink(first.user.email));
    const bystander = await signedIn();

    expect(await endSessions({ actorId: admin.id, userId: first.user.id })).toEqual({ ended: 2 });
    expect(await restMe(first.cookie)).toBe(401);
    expect(await trpcWhoami(secondClient.sessionCookie!)).toBe(401);
    expect(await restMe(bystander.cookie)).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: admin.id, action: "user.sessions_ended" } });
    expect(event).toMatchObject({ target: first.user.email, data: { ended: 2 } });
  });

  it("refuses a validly signed cookie with no live session behind it (as from before sessions were kept)", async () => {
    const user = await createUser({ labRole: "director" });
    const forged = await encode({
      token: { sub: user.id, email: user.email },
      secret: process.env.AUTH_SECRET!,
      salt: "authjs.session-token",
    });
    const cookie = `authjs.session-token=${forged}`;
    expect((await resolveActor(new Headers({ cookie }))).actor).toBeNull();
    expect(await restMe(cookie)).toBe(401);
    expect(await authSession(cookie)).toBeNull();
  });

  it("a session cannot be moved to another person by editing what the cookie says", async () => {
    const { user, cookie } = await signedIn();
    const other = await createUser({ labRole: "admin" });
    const row = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    const forged = await encode({
      token: { sub: other.id, sid: row.sessionToken },
      secret: process.env.AUTH_SECRET!,
      salt: "authjs.session-token",
    });
    expect((await resolveActor(new Headers({ cookie: `authjs.session-token=${forged}` }))).actor).toBeNull();
    expect(await restMe(cookie)).toBe(200);
  });

  it("an event stream the session opened closes when the session is ended", async () => {
    const { user, cookie } = await signedIn();
    const project = await createProjectFor(user);
    // A pool of its own whose agent never claims: the job never runs, so its log stream stays open
    // until something ends it.
    const pool = `sse-${user.id}`;
    await startTestAgent({ name: pool, pool, gpus: 0, cpuSlots: 1 });
    const { id: jobId } = await submitJob({ actorId: user.id, projectSlug: project.slug, command: "sleep 1", gpus: 0, pools: [pool] });
    const input = encodeURIComponent(JSON.stringify({ json: { jobId, from: 0 } }));
    const raw = new Request(`http://localhost:3000/api/trpc/jobs.logStream?input=${input}`, { headers: { cookie, accept: "text/event-stream" } });
    const req = endsWithItsSession(raw, { everyMs: 50 });
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: async () => ({ ...(await resolveActor(req.headers)), requestId: "t", log }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    await reader.read(); // the stream is open and waiting for log lines

    await endSessions({ actorId: (await createUser({ labRole: "admin" })).id, userId: user.id });
    // The stream now ends by itself: reading runs to its end instead of waiting for log lines.
    for (;;) if ((await reader.read()).done) break;
    expect(req.signal.aborted).toBe(true);
    // A bearer token's stream is not a session's: left as it is.
    const withToken = new Request(raw, { headers: { authorization: "Bearer bt_x", accept: "text/event-stream" } });
    expect(endsWithItsSession(withToken)).toBe(withToken);
  });
});

// Bad input never gives a 500: each case here answered 500 (or the wrong thing) before the edge
// refused it with a sentence that names the field.
import { describe, expect, it } from "vitest";
import { GET as trpcGet } from "../../app/api/trpc/[trpc]/route";
import { normalisePath } from "../../server/files/paths";
import { frontDoorRefusal } from "../../server/http/front-door";
import { createApiToken } from "../../server/tokens/api-tokens";
import { db } from "../../server/db/client";
import { readLogLines } from "../../server/queue/read-jobs";
import { runSchedulerPass } from "../../server/queue/scheduler-pass";
import { submitJob } from "../../server/queue/submit-job";
import { startTestAgent } from "../support/agent-client";
import { createProjectFor, createUser } from "../support/factories";
import { datasetLab } from "../datasets/lab";
import { answerOf, BASE, rest, sseEvents, trpc } from "./http";

const NUL = "\u0000";
const LONE = "\ud800";

async function owner() {
  const ana = await createUser();
  const project = await createProjectFor(ana);
  const { token } = await createApiToken({ actorId: ana.id, name: "t" });
  return { ana, project, token };
}

describe("NUL bytes and lone surrogates are refused at the edge, naming the field", () => {
  it("REST: a NUL byte in a project name, job command and name, env value, token name", async () => {
    const { project, token } = await owner();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/projects", { name: `a${NUL}b` }, "name"],
      ["PATCH", `/projects/${project.slug}`, { name: `a${NUL}b` }, "name"],
      ["POST", "/jobs", { projectSlug: project.slug, command: `echo ${NUL}` }, "command"],
      ["POST", "/jobs", { projectSlug: project.slug, command: "echo", name: `job${NUL}` }, "name"],
      ["POST", "/jobs", { projectSlug: project.slug, command: "echo", env: { FOO: `x${NUL}y` } }, "env.FOO"],
      ["POST", "/tokens", { name: `ci${NUL}` }, "name"],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await rest(method, path, { token, body });
      expect(res.status, `${method} ${path} ${field}`).toBe(400);
      expect(res.json.error.message).toBe(`${field} contains a NUL byte (\\u0000), which Benchtop cannot store.`);
      expect(res.json.error.fields[field]).toEqual(["contains a NUL byte (\\u0000)"]);
    }
  });

  it("REST: a lone surrogate in a name or a file path; a NUL in a path parameter or the query", async () => {
    const { project, token } = await owner();
    const name = await rest("POST", "/projects", { token, body: { name: `half ${LONE}` } });
    expect(name.status).toBe(400);
    expect(name.json.error.message).toBe("name contains a lone UTF-16 surrogate (\\ud800), which is not text Benchtop can store.");
    const path = await rest("POST", `/projects/${project.slug}/files/text`, { token, body: { path: `a${LONE}.py`, baseVersion: null, content: "x" } });
    expect(path.status).toBe(400);
    expect(path.json.error.fields.path).toBeDefined();
    const param = await rest("GET", `/projects/demo%00x`, { token });
    expect(param.status).toBe(400);
    expect(param.json.error.message).toBe("projectSlug contains a NUL byte (\\u0000), which Benchtop cannot store.");
    const query = await rest("GET", `/jobs?project=%00`, { token });
    expect(query.status).toBe(400);
    expect(query.json.error.fields.project).toBeDefined();
    expect(await db.file.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("tRPC: the same refusals, for mutations and for queries", async () => {
    const { project, token } = await owner();
    const rename = await trpc("mutation", "projects.rename", { projectSlug: project.slug, name: `x${NUL}` }, { token });
    expect(rename.status).toBe(400);
    expect(rename.json.error.json.message).toBe("name contains a NUL byte (\\u0000), which Benchtop cannot store.");
    expect(rename.json.error.json.data.fields.name).toEqual(["contains a NUL byte (\\u0000)"]);
    const submit = await trpc("mutation", "jobs.submit", { projectSlug: project.slug, command: "echo", env: { K: `v${LONE}` } }, { token });
    expect(submit.status).toBe(400);
    expect(submit.json.error.json.message).toMatch(/^env\.K contains a lone UTF-16 surrogate/);
    const read = await trpc("query", "files.read", { projectSlug: project.slug, path: `x${LONE}` }, { token });
    expect(read.status).toBe(400);
  });
});

describe("the REST path, method and query", () => {
  it("malformed percent-encoding in a path is a JSON 400, in the dispatcher and at the front door", async () => {
    const { token } = await owner();
    const res = await rest("GET", "/projects/%E0%A4%A", { token });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('The address has a malformed percent-encoding ("%E0%A4%A"); encode each byte as %XX of UTF-8.');
    const door = frontDoorRefusal("GET", "/api/v1/projects/%E0%A4%A");
    expect(door?.status).toBe(400);
    expect(await door?.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringContaining("malformed percent-encoding") } });
    expect(frontDoorRefusal("GET", "/api/v1/projects?path=%ZZ")?.status).toBe(400);
    expect(frontDoorRefusal("GET", "/projects/demo/files/a%20b.py?x=%C3%A9")).toBeNull();
  });

  it("TRACE and other odd methods are a JSON 405 at the front door; the usual ones pass", async () => {
    for (const method of ["TRACE", "PROPFIND", "CONNECT", "MKCOL"]) {
      const res = frontDoorRefusal(method, "/api/v1/projects");
      expect(res?.status, method).toBe(405);
      expect((await res!.json()).error.message).toBe(`Benchtop does not answer ${method} requests; use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.`);
    }
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect(frontDoorRefusal(method, "/api/v1/projects")).toBeNull();
    // (fetch's Request cannot even be made with TRACE, so the dispatchers never see one: this is the only place.)
  });

  it("HEAD is answered like GET, with the same status and headers and no body", async () => {
    const { project, token } = await owner();
    const get = await rest("GET", `/projects/${project.slug}`, { token });
    const head = await rest("HEAD", `/projects/${project.slug}`, { token });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect((await rest("HEAD", "/projects/no-such-project", { token })).status).toBe(404);
  });

  it("state=bogus names the field state; logs?limit=0 is refused by the schema", async () => {
    const { project, token } = await owner();
    const state = await rest("GET", `/jobs?state=queued,bogus`, { token });
    expect(state.status).toBe(400);
    expect(Object.keys(state.json.error.fields)).toEqual(["state"]);
    expect(state.json.error.message).toMatch(/^The query string is not valid: state /);
    const pool = `edge-${Date.now()}`;
    await startTestAgent({ name: pool, pool, gpus: 0, cpuSlots: 1 });
    const job = await rest("POST", "/jobs", { token, body: { projectSlug: project.slug, command: "echo hi", pools: [pool] } });
    expect(job.status, JSON.stringify(job.json)).toBe(201);
    const logs = await rest("GET", `/jobs/${job.json.id}/logs?limit=0`, { token });
    expect(logs.status).toBe(400);
    expect(logs.json.error.fields.limit).toBeDefined();
  });
});

describe("not found is a 404, also in the agent API and over SSE", () => {
  it("an unknown snapshot on the agent API is a 404", async () => {
    const agent = await startTestAgent({ name: `edge-${Date.now()}`, pool: `edge-${Date.now()}`, gpus: 0, cpuSlots: 1 });
    const res = await agent.call("GET", `/snapshots/${"a".repeat(64)}`);
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe(`Snapshot ${"a".repeat(64)} was not found.`);
  });

  it("a job that prints a NUL byte or half a surrogate pair: its log lines are kept (as U+FFFD), not a 500 the agent retries forever", async () => {
    const pool = `edge-${Date.now()}`;
    const agent = await startTestAgent({ name: pool, pool, gpus: 1, gpuType: pool });
    const ana = await createUser();
    const project = await createProjectFor(ana);
    const { id } = await submitJob({ actorId: ana.id, projectSlug: project.slug, command: "printf '\\0'", gpus: 1, gpuType: pool, pools: [pool] });
    await runSchedulerPass();
    const [assignment] = await agent.claim();
    const sent = await agent.logs(assignment!, [{ seq: 0, lines: [`before${NUL}after`, `half ${LONE} pair`] }]);
    expect(sent.status).toBe(200);
    const { lines } = await readLogLines({ actorId: ana.id, jobId: id, from: 0, limit: 10 });
    expect(lines.map((l) => l.text)).toEqual(["before\ufffdafter", "half \ufffd pair"]);
  });

  it("a job log stream and a kernel event stream for something that does not exist end with NOT_FOUND, not a 500", async () => {
    const { token } = await owner();
    for (const [path, input] of [
      ["jobs.logStream", { jobId: "no-such-job", from: 0 }],
      ["kernels.events", { kernelId: "no-such-kernel" }],
    ] as const) {
      const url = `${BASE}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      const res = await trpcGet(new Request(url, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" } }));
      const events = await sseEvents(res, (e) => e.event === "serialized-error");
      const error = events.find((e) => e.event === "serialized-error");
      expect(error, path).toBeDefined();
      const shape = JSON.parse(error!.data).json;
      expect(shape.data, path).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
      expect(shape.message).toMatch(/was not found/);
    }
  });
});

describe("datasets and file names", () => {
  it("a garbage listing token is a 400 with a sentence, not the first page", async () => {
    const lab = await datasetLab();
    const { token } = await createApiToken({ actorId: lab.users.ana.id, name: "t" });
    const res = await rest("GET", `/projects/${lab.projectSlug}/datasets/assays/objects?token=garbage!!`, { token });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.token).toBeDefined();
    await expect(lab.ana.datasets.browse({ ...lab.ref, token: "garbage!!" })).rejects.toThrow(/token/);
  });

  it("right-to-left overrides and other bidi controls are refused in file names", () => {
    for (const c of ["\u202e", "\u202a", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c"]) {
      expect(() => normalisePath(`invoice${c}fdp.exe`), `U+${c.charCodeAt(0).toString(16)}`).toThrow(/bidirectional control character/);
    }
    expect(() => normalisePath(`a${LONE}b.py`)).toThrow(/lone UTF-16 surrogate/);
    expect(normalisePath("données/éte.csv")).toBe("données/éte.csv");
    expect(normalisePath("דוח/שנתי.txt")).toBe("דוח/שנתי.txt");
  });
});

// A byte route's query cannot carry a NUL through to the database either.
describe("byte routes", () => {
  it("a NUL in a download path is a 400", async () => {
    const { project, token } = await owner();
    const { GET } = await import("../../app/api/v1/[[...path]]/route");
    const res = await answerOf(await GET(new Request(`${BASE}/api/v1/projects/${project.slug}/files/content?path=a%00b`, { headers: { authorization: `Bearer ${token}` } })));
    expect(res.status).toBe(400);
  });
});

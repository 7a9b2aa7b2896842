// The fuzz suite of the edge: every REST route (from the route table), every byte route and every
// tRPC procedure (from the router's procedure map), signed in as a project owner who is also a
// lab admin, gets NUL bytes and lone surrogates in each string it takes, malformed percent-
// encodings in its path and query, and odd methods. Nothing may answer 5xx, every bad text must
// be refused with a 400 that names its field, and no row may change: the suite runs on a database
// of its own and compares a digest of every table before and after. Seeded (FUZZ_SEED).
import { inject } from "vitest";
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import type { z } from "zod";
import { BAD_ESCAPES, insertAt, ODD_METHODS, sampleInput, seededRandom, stringSpots, withSpot, type StringSpot } from "./fuzz-inputs";
import type { Answer } from "./http";

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const random = seededRandom(SEED);
const BASE = "http://localhost:3000";
const NUL = "\u0000";
const loneSurrogate = () => String.fromCharCode(random() < 0.5 ? 0xd800 + Math.floor(random() * 0x400) : 0xdc00 + Math.floor(random() * 0x400));

let dbUrl = "";
let admin: pg.Client;
let edge: Awaited<ReturnType<typeof setUp>>;

/** A digest of every table's rows (token use, recorded at most once a minute, left out). */
async function tableDigests(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1");
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const row = `(to_jsonb(t) - 'lastUsedAt')::text`;
      const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS h FROM "${name}" t`);
      out[name] = `${rows[0].n}:${rows[0].h}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

async function setUp() {
  // Everything that opens the database is imported only now, once DATABASE_URL names the new one.
  const { createApiToken } = await import("../../server/tokens/api-tokens");
  const { createUser, createProjectFor, addMemberAs } = await import("../support/factories");
  const { callerFor, storeRoot } = await import("../datasets/lab");
  const { startTestAgent } = await import("../support/agent-client");
  const { submitJob } = await import("../../server/queue/submit-job");
  const { saveTextFile } = await import("../../server/files/write-file");
  const fs = await import("node:fs/promises");
  const path = await import("node:path");

  const owner = await createUser({ labRole: "admin", name: "Fuzz Owner" });
  const colleague = await createUser({ name: "Fuzz Colleague" });
  const project = await createProjectFor(owner);
  await addMemberAs(owner, project, colleague, "editor");
  const { token, apiToken } = await createApiToken({ actorId: owner.id, name: "fuzz" });
  const caller = await callerFor(owner);
  const store = await caller.datasets.stores.create({ name: "fuzz-store", kind: "local", localRoot: await fs.mkdtemp(path.join(await storeRoot(), "bt-fuzz-")) });
  await caller.datasets.create({ projectSlug: project.slug, name: "fuzzset", storeId: store.id, bucket: "fuzz", prefix: "" });
  await saveTextFile({ actorId: owner.id, projectSlug: project.slug, path: "fuzz.txt", baseVersion: null, content: "fuzz\n" });
  const agentName = `fuzz-agent-${SEED}`;
  await startTestAgent({ name: agentName, pool: agentName, gpus: 0, cpuSlots: 1 });
  const { id: jobId } = await submitJob({ actorId: owner.id, projectSlug: project.slug, command: "echo fuzz", pools: [agentName] });
  // Valid values for parameters and inputs, by name: the fuzz reaches past "not found".
  const known: Record<string, string> = {
    projectSlug: project.slug,
    slug: project.slug,
    jobId,
    dataset: "fuzzset",
    storeId: store.id,
    tokenId: apiToken.id,
    userId: colleague.id,
    name: agentName,
    version: "1",
    kernelId: "fuzz-kernel",
    path: "fuzz.txt",
  };

  // The REST operations, as the edge generates them from the procedures' meta.
  const restRoutes = (await import("../../server/rest/operations")).restOperations();
  const { dispatchRest } = await import("../../server/rest/edge");
  const { appRouter } = await import("../../server/api/root");
  const trpcRoute = await import("../../app/api/trpc/[trpc]/route");
  const { frontDoorRefusal } = await import("../../server/http/front-door");
  const { answerOf } = await import("./http");

  // The byte routes (server/rest/bytes.ts), by pattern; the REST edge serves them beside the JSON operations.
  const serveByEdge = (req: Request) => dispatchRest(req);
  const byteRoutes: { method: string; pattern: RegExp; serve: (req: Request, param: string) => Promise<Response> }[] = [
    { method: "GET", pattern: /^\/api\/v1\/projects\/([^/]+)\/files\/content$/, serve: serveByEdge },
    { method: "PUT", pattern: /^\/api\/v1\/projects\/([^/]+)\/files\/content$/, serve: serveByEdge },
    { method: "PUT", pattern: /^\/api\/v1\/blobs\/([^/]+)$/, serve: serveByEdge },
    { method: "GET", pattern: /^\/api\/v1\/jobs\/([^/]+)\/artifacts\/download$/, serve: serveByEdge },
    { method: "GET", pattern: /^\/api\/v1\/jobs\/([^/]+)\/logs\/download$/, serve: serveByEdge },
  ];

  /** One request as the production server handles it: the front door, then the route Next picks. */
  async function send(method: string, target: string, body?: string, contentType = "application/json"): Promise<Answer> {
    try {
      return await route(method, target, body, contentType);
    } catch (e) {
      // Next answers a route that throws with a bare 500.
      return { status: 500, headers: new Headers(), text: `thrown: ${(e as Error).message}`, json: null };
    }
  }

  async function route(method: string, target: string, body: string | undefined, contentType: string): Promise<Answer> {
    const door = frontDoorRefusal(method, target);
    if (door) return answerOf(door);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = contentType;
    const req = new Request(`${BASE}${target}`, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : body });
    const pathname = new URL(req.url).pathname;
    if (pathname.startsWith("/api/trpc/")) return answerOf(await (method === "POST" ? trpcRoute.POST : trpcRoute.GET)(req));
    for (const r of byteRoutes) {
      const m = r.pattern.exec(pathname);
      // Next decodes a dynamic segment before the route sees it.
      if (m && (r.method === method || (method === "HEAD" && r.method === "GET"))) return answerOf(await r.serve(req, decodeURIComponent(m[1]!)));
    }
    return answerOf(await dispatchRest(req));
  }

  const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; inputs: z.ZodType[] } }> } })._def.procedures);
  return { known, restRoutes, byteRoutes, procedures, send, project };
}

beforeAll(async () => {
  const base = new URL(inject("databaseUrl"));
  const name = `fuzz_${SEED}_${process.pid}`;
  admin = new pg.Client({ connectionString: base.href });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  base.pathname = `/${name}`;
  dbUrl = base.href;
  const { applyMigrations } = await import("../../server/db/migrate");
  await applyMigrations(dbUrl);
  process.env.DATABASE_URL = dbUrl;
  edge = await setUp();
}, 120_000);

afterAll(async () => {
  const { db } = await import("../../server/db/client");
  await db.$disconnect();
  await admin?.end();
});

const fieldOf = (spot: StringSpot, root: string) => (spot.path.length ? (spot.key ? spot.path.slice(0, -1) : spot.path).join(".") || root : root);

it(`no 5xx, every bad text refused naming its field, no row written (seed ${SEED})`, async () => {
  const { known, restRoutes, byteRoutes, procedures, send } = edge;
  const before = await tableDigests();
  const failures: string[] = [];
  let requests = 0;
  const check = (what: string, res: Answer, expected?: { status: number; message?: string }) => {
    requests++;
    if (res.status >= 500) failures.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
    else if (expected && res.status !== expected.status) failures.push(`${what}: ${res.status}, expected ${expected.status}: ${res.text.slice(0, 200)}`);
    else if (expected?.message && !res.text.includes(expected.message)) failures.push(`${what}: the answer does not say "${expected.message}": ${res.text.slice(0, 200)}`);
  };
  const faults = (spot: StringSpot, root: string) => {
    const field = fieldOf(spot, root);
    const verb = spot.key ? "has a key that contains" : "contains";
    return [
      { bad: NUL, message: `${field} ${verb} a NUL byte` },
      { bad: loneSurrogate(), message: `${field} ${verb} a lone UTF-16 surrogate` },
    ];
  };

  // REST: the route table.
  const paths = new Map<string, Set<string>>();
  for (const route of restRoutes) {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const pathWith = (value: (n: string) => string) => `/api/v1${route.path.replace(/\{(\w+)\}/g, (_, n: string) => value(n))}`;
    const target = pathWith((n) => encodeURIComponent(known[n] ?? "fuzz"));
    paths.set(target, (paths.get(target) ?? new Set()).add(route.method));
    const what = `${route.method} ${route.path}`;
    const query = route.query ? (sampleInput([route.query]) as Record<string, string>) : {};
    for (const [k, v] of Object.entries(query)) query[k] = known[k] ?? String(v);
    const body = route.body ? sampleInput([route.body]) : undefined;
    const qs = (q: Record<string, string>) => (Object.keys(q).length ? `?${new URLSearchParams(q)}` : "");
    const json = (b: unknown) => (b === undefined ? undefined : JSON.stringify(b));

    for (const name of names) {
      check(`${what}: NUL in {${name}}`, await send(route.method, pathWith((n) => encodeURIComponent(n === name ? insertAt(random, known[n] ?? "fuzz", NUL) : (known[n] ?? "fuzz"))), json(body)), { status: 400, message: `${name} contains a NUL byte` });
      for (const escape of BAD_ESCAPES) {
        check(`${what}: ${escape} in {${name}}`, await send(route.method, pathWith((n) => (n === name ? `fu${escape}zz` : encodeURIComponent(known[n] ?? "fuzz"))), json(body)), { status: 400, message: "malformed percent-encoding" });
      }
    }
    // Query strings: a NUL in each value (a URL cannot carry a lone surrogate), a NUL in a key nobody reads, bad escapes.
    for (const k of Object.keys(query)) {
      check(`${what}: NUL in ?${k}`, await send(route.method, `${target}${qs({ ...query, [k]: insertAt(random, query[k]!, NUL) })}`, json(body)), { status: 400, message: `${k} contains a NUL byte` });
    }
    check(`${what}: NUL in an unread query value`, await send(route.method, `${target}${qs({ ...query, fuzz: NUL })}`, json(body)), { status: 400, message: "fuzz contains a NUL byte" });
    check(`${what}: bad escape in the query`, await send(route.method, `${target}?fuzz=${BAD_ESCAPES[Math.floor(random() * BAD_ESCAPES.length)]}`, json(body)), { status: 400, message: "malformed percent-encoding" });
    // Bodies: each string and record key, with a NUL and with a lone surrogate.
    if (body !== undefined) {
      for (const spot of stringSpots(body)) {
        for (const { bad, message } of faults(spot, "body")) {
          check(`${what}: ${JSON.stringify(bad)} at body.${spot.path.join(".")}`, await send(route.method, `${target}${qs(query)}`, JSON.stringify(withSpot(body, spot, (s) => insertAt(random, s, bad)))), { status: 400, message });
        }
      }
      check(`${what}: a text/plain JSON body`, await send(route.method, `${target}${qs(query)}`, JSON.stringify(body), "text/plain; x=application/json"), { status: 415 });
    }
  }
  // Every REST path: odd methods, and HEAD answered as GET (same status, no body) or refused.
  for (const [target, methods] of paths) {
    for (const method of ODD_METHODS) check(`${method} ${target}`, await send(method, target), { status: 405 });
    const head = await send("HEAD", target);
    if (methods.has("GET")) check(`HEAD ${target}`, head, { status: (await send("GET", target)).status });
    else check(`HEAD ${target}`, head, { status: 405 });
    if (head.text !== "") failures.push(`HEAD ${target}: a body`);
  }

  // Byte routes: NUL in the path parameter and in ?path, bad escapes, odd methods.
  for (const r of byteRoutes) {
    const paramFor = r.pattern.source.includes("blobs") ? "0".repeat(64) : r.pattern.source.includes("projects") ? known.projectSlug! : known.jobId!;
    const make = (param: string, query = "?path=fuzz.txt") => r.pattern.source.replace(/^\^\\|\$$/g, "").replace(/\\\//g, "/").replace("([^/]+)", param) + query;
    const what = `${r.method} ${r.pattern.source}`;
    const body = r.method === "PUT" ? "bytes" : undefined;
    check(`${what}: NUL in the parameter`, await send(r.method, make(encodeURIComponent(insertAt(random, paramFor, NUL))), body, "application/octet-stream"), { status: 400 });
    check(`${what}: NUL in ?path`, await send(r.method, make(paramFor, `?path=${encodeURIComponent(insertAt(random, "fuzz.txt", NUL))}`), body, "application/octet-stream"), { status: 400 });
    for (const escape of BAD_ESCAPES) check(`${what}: ${escape}`, await send(r.method, make(`x${escape}`)), { status: 400, message: "malformed percent-encoding" });
    for (const method of ODD_METHODS) check(`${method} ${what}`, await send(method, make(paramFor)), { status: 405 });
  }

  // tRPC: the router's procedure map.
  for (const [name, procedure] of procedures) {
    const { type, inputs } = procedure._def;
    const sample = sampleInput(inputs);
    const input = sample !== null && typeof sample === "object" && !Array.isArray(sample) ? Object.fromEntries(Object.entries(sample).map(([k, v]) => [k, known[k] ?? v])) : sample;
    const call = async (value: unknown, method = type === "mutation" ? "POST" : "GET", suffix = "") => {
      const envelope = JSON.stringify({ json: value });
      const res = method === "POST" ? await send("POST", `/api/trpc/${name}${suffix}`, envelope) : await send(method, `/api/trpc/${name}${suffix}?input=${encodeURIComponent(envelope)}`);
      return res;
    };
    const spots = stringSpots(input);
    const cases: { value: unknown; message: string; label: string }[] = [];
    for (const spot of spots) for (const { bad, message } of faults(spot, "input")) cases.push({ value: withSpot(input, spot, (s) => insertAt(random, s, bad)), message, label: `${JSON.stringify(bad)} at ${spot.path.join(".") || "input"}` });
    if (spots.length === 0) cases.push({ value: NUL, message: "input contains a NUL byte", label: "a NUL input" });
    for (const c of cases) {
      const res = await call(c.value);
      // A subscription refused before its stream starts still answers over SSE, as an error event.
      const status = res.headers.get("content-type")?.includes("event-stream") ? (JSON.parse(/event: serialized-error\ndata: (.*)/.exec(res.text)?.[1] ?? "{}").json?.data?.httpStatus ?? 0) : res.status;
      check(`${type} ${name}: ${c.label}`, { ...res, status }, { status: 400, message: c.message });
    }
    check(`${name}: bad escape in the input`, await send("GET", `/api/trpc/${name}?input=${BAD_ESCAPES[Math.floor(random() * BAD_ESCAPES.length)]}`), { status: 400 });
    check(`${name}: bad escape in the path`, await send("GET", `/api/trpc/${name}%E0%A4%A`), { status: 400 });
    check(`HEAD ${name}`, await send("HEAD", `/api/trpc/${name}`));
    for (const method of ODD_METHODS) check(`${method} ${name}`, await send(method, `/api/trpc/${name}`), { status: 405 });
    if (type !== "subscription") check(`${name} with the other method`, await call(input, type === "mutation" ? "GET" : "POST"), { status: 405 });
  }

  expect(failures).toEqual([]);
  expect(await tableDigests()).toEqual(before);
  console.log(`fuzz: ${requests} requests, seed ${SEED}`);
  expect(requests).toBeGreaterThan(1000);
}, 120_000);

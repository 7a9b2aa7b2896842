import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startScratchDatabase } from "../scripts/scratch-db";

test("health answers with the database state", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, db: "up", mode: "development" });
});

test("unknown API routes answer 404 JSON", async ({ request }) => {
  for (const path of ["/api/nothing-here", "/api/v1/nothing-here"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  }
});

test("the OpenAPI document lists the REST routes with their schemas", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/projects", "/projects/{projectSlug}/members", "/me", "/tokens"]));
  const create = doc.paths["/projects"].post;
  expect(create.requestBody.content["application/json"].schema.required).toContain("name");
  expect(create.responses["400"]).toBeDefined();
});

test("health says 503 with a reason when the database goes away, and recovers", async () => {
  test.setTimeout(120_000);
  const db = await startScratchDatabase("e2e-health");
  const port = Number(process.env.E2E_PORT_BASE ?? 3310) + 9;
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        BENCHTOP_MODE: "development",
        BENCHTOP_HOME: `${db.home}/app`,
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    });
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      return res ? { status: res.status, body: await res.json() } : null;
    };
    await expect.poll(async () => (await health())?.status, { timeout: 90_000 }).toBe(200);
    await db.stop();
    const down = await health();
    expect(down?.status).toBe(503);
    expect(down?.body).toMatchObject({ ok: false, db: "down" });
    expect(down?.body.reason).toMatch(/^The database does not answer/);
    expect(JSON.stringify(down?.body)).not.toContain(db.url.split("@")[0]!);
  } finally {
    server?.kill("SIGTERM");
    await db.stop().catch(() => undefined);
  }
});

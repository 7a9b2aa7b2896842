// The benchtop CLI as a user runs it (a real process), against the REST API served over real HTTP.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchRest } from "../../server/rest/edge";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createProjectFor, createUser } from "../support/factories";

let server: http.Server;
let url: string;
let configDir: string;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await dispatchRest(
      new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-cli-"));
});

afterAll(async () => {
  server.close();
  await fs.rm(configDir, { recursive: true, force: true });
});

function benchtop(args: string[], env: Record<string, string> = {}, stdin?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["bin/benchtop.mjs", ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: configDir,
        BENCHTOP_CONFIG: path.join(configDir, "config.json"),
        BENCHTOP_HOME: path.join(configDir, "no-demo-here"),
        ...env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.stdin.end(stdin ?? "");
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("benchtop budget", () => {
  it("sets and shows a project's budget in words", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const { token } = await createApiToken({ actorId: owner.id, name: "cli" });
    const env = { BENCHTOP_URL: url, BENCHTOP_TOKEN: token };
    const none = await benchtop(["budget", "show", "--project", project.slug], env);
    expect(none.stdout).toContain(`Project ${project.slug} has no budget.`);
    const set = await benchtop(["budget", "set", "--project", project.slug, "--amount", "400", "--until", "2099-06-30", "--policy", "hold"], env);
    expect(set.stderr).toBe("");
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(`Project ${project.slug}: $400.00`);
    expect(set.stdout).toContain("to 2099-06-30; spent $0.00 (0 %), $400.00 left.");
    expect(set.stdout).toContain("at 100 %: hold new jobs");
    const show = await benchtop(["budget", "show", "--project", project.slug], env);
    expect(show.stdout).toBe(set.stdout);
    const bad = await benchtop(["budget", "set", "--project", project.slug, "--amount", "4", "--policy", "maybe"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--policy takes warn, hold or stop, not "maybe".');
  });
});

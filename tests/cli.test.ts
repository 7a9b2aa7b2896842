// The benchtop CLI as a user runs it (a real process), against the REST API served over real HTTP.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchRest } from "../server/rest/edge";
import { createApiToken } from "../server/tokens/api-tokens";
import { createProjectFor, createUser, type TestUser } from "./support/factories";

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

describe("benchtop CLI", () => {
  let ana: TestUser;
  let token: string;
  beforeAll(async () => {
    ana = await createUser({ name: "Ana CLI" });
    token = (await createApiToken({ actorId: ana.id, name: "cli" })).token;
  });

  it("whoami with BENCHTOP_URL and BENCHTOP_TOKEN", async () => {
    const r = await benchtop(["whoami"], { BENCHTOP_URL: url, BENCHTOP_TOKEN: token });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Ana CLI <${ana.email}>`);
    expect(r.stdout).toContain("lab role: researcher");
  });

  it("login saves the URL and token (mode 0600), then commands work without env", async () => {
    const r = await benchtop(["login", "--url", url], {}, token + "\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Logged in to ${url} as Ana CLI`);
    const file = path.join(configDir, "config.json");
    expect(JSON.parse(await fs.readFile(file, "utf8"))).toEqual({ url, token });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const project = await createProjectFor(ana, { name: "CLI listing" });
    const list = await benchtop(["projects"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^SLUG\s+NAME\s+ROLE\s+MEMBERS\s+UPDATED/);
    expect(list.stdout).toContain(project.slug);
    const json = await benchtop(["projects", "--json"]);
    expect(JSON.parse(json.stdout).map((p: { slug: string }) => p.slug)).toContain(project.slug);
  });

  it("a bad token is refused in words, and login does not save it", async () => {
    const r = await benchtop(["login", "--url", url, "--token", "bt_nope"], { BENCHTOP_CONFIG: path.join(configDir, "other.json") });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("The API token is not valid");
    await expect(fs.access(path.join(configDir, "other.json"))).rejects.toThrow();
  });

  it("says when the server cannot be reached", async () => {
    const r = await benchtop(["whoami"], { BENCHTOP_URL: "http://127.0.0.1:9", BENCHTOP_TOKEN: token });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Cannot reach Benchtop at http://127.0.0.1:9");
  });

  it("reads the demo token that npm run demo writes", async () => {
    const home = path.join(configDir, "demo-home");
    await fs.mkdir(home);
    await fs.writeFile(path.join(home, "demo-token"), token + "\n");
    await fs.writeFile(path.join(home, "demo-url"), url + "\n");
    const r = await benchtop(["whoami"], { BENCHTOP_HOME: home, BENCHTOP_CONFIG: path.join(configDir, "none.json") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ana.email);
  });
});

describe("benchtop people", () => {
  it("a director lists, invites and signs someone out everywhere; a researcher is refused in words", async () => {
    const director = await createUser({ labRole: "director", name: "Helen CLI" });
    const env = { BENCHTOP_URL: url, BENCHTOP_TOKEN: (await createApiToken({ actorId: director.id, name: "cli" })).token };
    const guest = `guest-${Date.now()}@partner.example`;
    const invite = await benchtop(["people", "invite", guest], env);
    expect(invite.stderr).toBe("");
    expect(invite.stdout).toBe(`Invited ${guest} as researcher. They can sign in now.\n`);
    const list = await benchtop(["people"], env);
    expect(list.stdout).toMatch(/^EMAIL\s+NAME\s+ROLE\s+PROJECTS\s+SIGNED IN\s+SESSIONS/);
    expect(list.stdout).toMatch(new RegExp(`${guest}\\s+-\\s+researcher\\s+0\\s+never \\(invited\\)\\s+0`));
    const ended = await benchtop(["people", "end-sessions", guest], env);
    expect(ended.stdout).toBe(`Ended 0 sessions of ${guest}.\n`);
    const unknown = await benchtop(["people", "end-sessions", "nobody@nowhere.example"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Nobody with the address nobody@nowhere.example has an account");

    const researcher = await createUser();
    const refused = await benchtop(["people"], { BENCHTOP_URL: url, BENCHTOP_TOKEN: (await createApiToken({ actorId: researcher.id, name: "cli" })).token });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Only lab admins and directors can see and manage the lab's people.");
  });
});

// The CLI in its users' habits (a real `benchtop` process against the real APIs on loopback HTTP):
// durations need units, --gpus TYPE:N, usage errors exit 2 in one sentence, ds:// names the remote
// side, a job needs no files, a default project, and `wait` exits with the job's own exit code.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../server/db/client";
import { createApiToken } from "../server/tokens/api-tokens";
import { logOf, startAgent, tag, waitForEnd } from "./support/real-agent";
import { createProjectFor, createUser, type TestUser } from "./support/factories";
import { realLab } from "./support/real-lab";

const lab = realLab("cli-habits");
let owner: TestUser;
let token: string;
let slug: string;
let work: string;
const pool = `pool-${tag()}`;
const gpuType = `sim-${tag()}`;
/** Where a job may run: the agent this file starts. */
const on = () => ["--pool", pool, "--gpus", "1", "--gpu-type", gpuType];

function benchtop(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.resolve("bin/benchtop.mjs"), ...args], {
      cwd: opts.cwd ?? work,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: lab.dir,
        BENCHTOP_CONFIG: path.join(lab.dir, "config.json"),
        BENCHTOP_URL: lab.url,
        BENCHTOP_TOKEN: token,
        ...opts.env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.stdin.end();
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A usage error: exit 2, and one line on stderr. */
function expectUsageError(r: { code: number | null; stderr: string }, sentence: string) {
  expect(r.stderr).toBe(`benchtop: ${sentence}\n`);
  expect(r.code).toBe(2);
}

beforeAll(async () => {
  owner = await createUser({ name: "Habit Owner" });
  token = (await createApiToken({ actorId: owner.id, name: "cli" })).token;
  slug = (await createProjectFor(owner, { name: `Habits ${tag()}` })).slug;
  work = path.join(lab.dir, "work");
  await fs.mkdir(work, { recursive: true });
  await fs.writeFile(path.join(work, "train.py"), "print('hi')\n");
  lab.track((await startAgent(lab, pool, gpuType, ["--no-isolation"])).child);
});

describe("durations", () => {
  it("a max runtime without a unit is refused with a sentence, before anything is sent", async () => {
    const r = await benchtop(["submit", "-p", slug, "--max-runtime", "90", "--", "true"]);
    expectUsageError(r, '--max-runtime "90" needs a unit: 90m (minutes), 90h (hours) or 90s (seconds).');
    expect(await db.job.count({ where: { project: { slug } } })).toBe(0);
  });

  it("takes the grammar the web form takes", async () => {
    const r = await benchtop(["submit", "-p", slug, ...on(), "--max-runtime", "1d 12h", "--", "true"]);
    expect(r.stderr).toContain("queued");
    expect(r.code).toBe(0);
    const job = await db.job.findUniqueOrThrow({ where: { id: r.stdout.trim() }, select: { maxRuntimeSeconds: true } });
    expect(job.maxRuntimeSeconds).toBe(129_600);
  });
});

describe("--gpus", () => {
  it("takes TYPE:COUNT as SkyPilot and Slurm do, as well as a count with --gpu-type", async () => {
    const typed = await benchtop(["submit", "-p", slug, "--pool", pool, "--gpus", `${gpuType.toUpperCase()}:2`, "--max-runtime", "5m", "--", "true"]);
    expect(typed.code).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: typed.stdout.trim() }, select: { gpusPerNode: true, gpuType: true } })).toEqual({ gpusPerNode: 2, gpuType: gpuType.toUpperCase() });
    const counted = await benchtop(["submit", "-p", slug, "--pool", pool, "--gpus", "2", "--gpu-type", gpuType, "--max-runtime", "5m", "--", "true"]);
    expect(counted.code).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: counted.stdout.trim() }, select: { gpusPerNode: true, gpuType: true } })).toEqual({ gpusPerNode: 2, gpuType });
  });

  it("refuses what is neither, and two different models, in a sentence", async () => {
    expectUsageError(await benchtop(["submit", "-p", slug, "--gpus", "a100:", "--", "true"]), '--gpus "a100:" is not a count or TYPE:COUNT (e.g. --gpus 2, or --gpus A100:2).');
    expectUsageError(
      await benchtop(["submit", "-p", slug, "--gpus", "a100:2", "--gpu-type", "h100", "--", "true"]),
      "--gpus a100:2 asks for a100 GPUs, and --gpu-type h100 for another model; give the model once.",
    );
  });
});

describe("usage errors and failures", () => {
  it("commander's own usage errors exit 2 with one sentence", async () => {
    expectUsageError(await benchtop(["submit", "-p", slug, "--fast", "--", "true"]), "Unknown option '--fast'. See `benchtop submit --help`.");
    expectUsageError(await benchtop(["data", "cp", "-p", slug, "only-one"]), "Missing required argument 'destination'. See `benchtop data cp --help`.");
    expectUsageError(await benchtop(["sumbit"]), "Unknown command 'sumbit' (did you mean submit?) See `benchtop --help`.");
    expectUsageError(await benchtop(["jobs", "--limit"]), "Option '--limit <n>' argument missing. See `benchtop jobs --help`.");
  });

  it("--help still ends well", async () => {
    const r = await benchtop(["submit", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--max-runtime");
  });

  it("a refusal from the server is one line, its fields not repeated", async () => {
    const r = await benchtop(["submit", "-p", slug, "--gpus", "1", "--gpu-type", `none-${tag()}`, "--", "true"]);
    expect(r.code).toBe(1);
    const last = r.stderr.trimEnd().split("\n").pop();
    expect(last).toMatch(/^benchtop: This job can never start: .+\.$/);
    expect(r.stderr).not.toMatch(/\n {2}gpus:/);
  });
});

describe("data cp", () => {
  it("needs ds:// on the remote side, so a local folder named like a dataset never turns a download into an upload", async () => {
    await fs.mkdir(path.join(work, "assays"), { recursive: true });
    expectUsageError(
      await benchtop(["data", "cp", "-p", slug, "assays/incoming/", "back/", "-r"]),
      "Name the dataset side with ds:// (as aws s3 cp takes s3://): benchtop data cp assays/incoming/ ds://DATASET/PREFIX/, or ds://DATASET/KEY back/.",
    );
    expectUsageError(await benchtop(["data", "cp", "-p", slug, "ds://a/x", "ds://b/x"]), "Both ds://a/x and ds://b/x are datasets; copy one side to a local folder first.");
    expectUsageError(await benchtop(["data", "cp", "-p", slug, "nothing-here.txt", "ds://assays/"]), "nothing-here.txt does not exist here.");
  });
});

describe("a job needs no files", () => {
  it("`benchtop submit -- CMD` from an empty folder runs", async () => {
    const empty = path.join(lab.dir, `empty-${tag()}`);
    await fs.mkdir(empty);
    const r = await benchtop(["submit", "-p", slug, ...on(), "--max-runtime", "5m", "--", "sh", "-c", "ls -A | wc -l; echo ran"], { cwd: empty });
    expect(r.stderr).toContain("0 files");
    expect(r.code).toBe(0);
    const job = await waitForEnd(owner.id, r.stdout.trim());
    expect(job.state).toBe("succeeded");
    expect(await logOf(owner.id, job.id)).toMatch(/ran/);
  });
});

describe("a default project", () => {
  it("`benchtop config set project` and BENCHTOP_PROJECT stand in for -p; -p still wins", async () => {
    const env = { BENCHTOP_CONFIG: path.join(lab.dir, `config-${tag()}.json`) };
    expectUsageError(await benchtop(["datasets"], { env }), "Name the project: -p SLUG, BENCHTOP_PROJECT=SLUG, or `benchtop config set project SLUG` once.");

    const set = await benchtop(["config", "set", "project", slug], { env });
    expect(set.stdout).toBe(`project = ${slug} (saved to ${env.BENCHTOP_CONFIG}).\n`);
    expect((await benchtop(["config", "get", "project"], { env })).stdout).toBe(`${slug}\n`);
    const listed = await benchtop(["datasets"], { env });
    expect(listed.stderr).toBe("");
    expect(listed.stdout).toContain(`Project ${slug} has no datasets yet.`);
    const submitted = await benchtop(["submit", ...on(), "--max-runtime", "5m", "--", "true"], { env });
    expect(submitted.code).toBe(0);
    expect((await db.job.findUniqueOrThrow({ where: { id: submitted.stdout.trim() }, select: { project: { select: { slug: true } } } })).project.slug).toBe(slug);

    // login keeps the default project; BENCHTOP_PROJECT overrides the file, -p overrides both.
    const other = (await createProjectFor(owner, { name: `Other ${tag()}` })).slug;
    await benchtop(["login", "--url", lab.url, "--token", token], { env });
    expect(JSON.parse(await fs.readFile(env.BENCHTOP_CONFIG, "utf8"))).toEqual({ project: slug, url: lab.url, token });
    expect((await benchtop(["datasets"], { env: { ...env, BENCHTOP_PROJECT: other } })).stdout).toContain(`Project ${other} has`);
    expect((await benchtop(["datasets", "-p", other], { env: { ...env, BENCHTOP_PROJECT: "nope" } })).stdout).toContain(`Project ${other} has`);

    // `benchtop jobs` lists the default project's jobs too; --all-projects lists every project's.
    const otherJob = (await benchtop(["submit", "-p", other, "--max-runtime", "5m", "--", "true"], { env })).stdout.trim();
    const mine = await benchtop(["jobs", "--json"], { env });
    expect(mine.code, mine.stderr).toBe(0);
    const listed1 = JSON.parse(mine.stdout) as { id: string; projectSlug: string }[];
    expect(listed1.map((j) => j.projectSlug)).toEqual(listed1.map(() => slug));
    expect(listed1.map((j) => j.id)).toContain(submitted.stdout.trim());
    const every = JSON.parse((await benchtop(["jobs", "--all-projects", "--json"], { env })).stdout) as { id: string }[];
    expect(every.map((j) => j.id)).toEqual(expect.arrayContaining([submitted.stdout.trim(), otherJob]));
    expectUsageError(await benchtop(["jobs", "-p", other, "--all-projects"], { env }), "Give -p or --all-projects, not both.");

    expectUsageError(await benchtop(["config", "set", "token", "bt_x"], { env }), 'There is no setting "token"; the settings are project and url. The token is saved by `benchtop login`, which checks it first.');
    expect((await benchtop(["config", "unset", "project"], { env })).code).toBe(0);
    expect(JSON.parse(await fs.readFile(env.BENCHTOP_CONFIG, "utf8"))).toEqual({ url: lab.url, token });
  });
});

/** A pass-through to the lab's APIs that counts the requests made through it. */
async function countingProxy() {
  const seen: string[] = [];
  const target = new URL(lab.url);
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => server.close() };
}

describe("benchtop wait", () => {
  it("exits with the job's own exit code, waiting on one long poll however much the job logs", async () => {
    const chatty = "for i in $(seq 1 300); do echo line $i; sleep 0.005; done; exit 7";
    const submitted = await benchtop(["submit", "-p", slug, ...on(), "--max-runtime", "5m", "--", "sh", "-c", chatty]);
    expect(submitted.code).toBe(0);
    const id = submitted.stdout.trim();
    const proxy = await countingProxy();
    try {
      const waited = await benchtop(["wait", id], { env: { BENCHTOP_URL: proxy.url } });
      expect(waited.stderr).toMatch(new RegExp(`^benchtop: ${id} failed — .*7`));
      expect(waited.code).toBe(7);
      const polls = proxy.seen.filter((r) => r.includes("/logs"));
      expect(polls.length).toBeLessThanOrEqual(2);
      expect(await logOf(owner.id, id)).toContain("line 300");
    } finally {
      proxy.close();
    }
    const ok = await benchtop(["submit", "-p", slug, ...on(), "--max-runtime", "5m", "--", "true"]);
    expect((await benchtop(["wait", ok.stdout.trim()])).code).toBe(0);
  });
});

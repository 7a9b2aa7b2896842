// The CLI as its own package (packages/cli): one plain-JavaScript file with every dependency
// inside, so a GPU server runs `benchtop agent` with Node alone. Here the built package is copied
// to a folder with no node_modules anywhere above it and run with a bare environment.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLE, isStale } from "../packages/cli/build.mjs";
import { db } from "../server/db/client";
import { createAgent } from "../server/queue/agents";
import { createApiToken } from "../server/tokens/api-tokens";
import { logOf, tag, waitForEnd } from "./support/real-agent";
import { createProjectFor, createUser } from "./support/factories";
import { run } from "./support/processes";
import { realLab } from "./support/real-lab";

const lab = realLab("cli-package");
let installed: string;

beforeAll(async () => {
  // The test setup built it; a copy of the package as `npm install -g` of its tarball would lay it out.
  installed = path.join(lab.dir, "opt", "benchtop-cli");
  await fs.mkdir(installed, { recursive: true });
  await fs.cp(path.resolve("packages/cli/package.json"), path.join(installed, "package.json"));
  await fs.cp(path.dirname(BUNDLE), path.join(installed, "dist"), { recursive: true });
});

/** Node alone: no repo, no node_modules, no tsx; only PATH and HOME. */
const bare = (extra: Record<string, string> = {}) => ({ PATH: "/usr/local/bin:/usr/bin:/bin", HOME: lab.dir, ...extra });

describe("the CLI package", () => {
  it("is built and fresh, and its bin is the bundle", async () => {
    expect(isStale()).toBe(false);
    const pkg = JSON.parse(await fs.readFile("packages/cli/package.json", "utf8")) as { bin: Record<string, string>; dependencies?: object };
    expect(path.resolve("packages/cli", pkg.bin.benchtop!)).toBe(BUNDLE);
    expect(pkg.dependencies ?? {}).toEqual({});
    // Everything it imports is Node's own.
    const source = await fs.readFile(BUNDLE, "utf8");
    const specifiers = [...source.matchAll(/^import .* from ["']([^"']+)["'];?$/gm), ...source.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith("node:") && !["events", "child_process", "path", "fs", "process", "os", "util", "stream", "crypto", "url"].includes(s))).toEqual([]);
  });

  it("runs with Node alone: --version, and a usage error", async () => {
    const bin = path.join(installed, "dist", "benchtop.js");
    const version = await run(process.execPath, [bin, "--version"], { cwd: lab.dir, env: bare() });
    expect(version.stdout.trim()).toBe(JSON.parse(await fs.readFile("packages/cli/package.json", "utf8")).version);
    const usage = await run(process.execPath, [bin, "submit", "-p", "demo", "--max-runtime", "90", "--", "true"], { cwd: lab.dir, env: bare() });
    expect(usage).toMatchObject({ status: 2, stderr: 'benchtop: --max-runtime "90" needs a unit: 90m (minutes), 90h (hours) or 90s (seconds).\n' });
  });

  it("`benchtop agent` from the copy registers, runs a job with its helpers on PYTHONPATH, and `submit` and `wait` work", async () => {
    const bin = path.join(installed, "dist", "benchtop.js");
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const token = (await createApiToken({ actorId: owner.id, name: "cli" })).token;
    const pool = `pool-${tag()}`;
    const gpuType = `sim-${tag()}`;
    const name = `agent-${tag()}`;
    const agent = await createAgent({ actorId: null, name, pool });
    const child = lab.track(
      spawn(process.execPath, [bin, "agent", "--server", lab.url, "--token-file", await lab.tokenFile(name, agent.token), "--name", name, "--simulate-gpus", "1", "--gpu-type", gpuType, "--no-isolation", "--work-dir", path.join(lab.dir, name)], {
        cwd: lab.dir,
        env: bare() as unknown as NodeJS.ProcessEnv,
        stdio: "ignore",
      }),
    );
    const deadline = Date.now() + 30_000;
    while (!(await db.agent.findUnique({ where: { name } }))?.registeredAt) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the agent did not register (exit ${child.exitCode})`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await db.agent.findUniqueOrThrow({ where: { name }, select: { version: true } })).version).toBe(JSON.parse(await fs.readFile("packages/cli/package.json", "utf8")).version);

    const empty = path.join(lab.dir, `empty-${tag()}`);
    await fs.mkdir(empty);
    const cli = bare({ BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token, BENCHTOP_PROJECT: project.slug });
    const submitted = await run(process.execPath, [bin, "submit", "--pool", pool, "--gpus", `${gpuType}:1`, "--max-runtime", "5m", "--", "python3", "-c", "import benchtop_metrics; print('helpers from', benchtop_metrics.__file__)"], { cwd: empty, env: cli });
    expect(submitted.status, submitted.stderr).toBe(0);
    const id = submitted.stdout.trim();
    const waited = await run(process.execPath, [bin, "wait", id], { cwd: empty, env: cli });
    expect(waited.status, `${waited.stderr}\n${await logOf(owner.id, id)}`).toBe(0);
    expect((await waitForEnd(owner.id, id)).state).toBe("succeeded");
    expect(await logOf(owner.id, id)).toContain(`helpers from ${path.join(installed, "dist", "agent-files", "python", "benchtop_metrics.py")}`);
  });
});

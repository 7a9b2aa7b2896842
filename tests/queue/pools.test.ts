// A pool's network setting, end to end on real parts: set with `benchtop pools set` (lab admins
// and directors only, audited), carried in every assignment, and kept by the sandbox: a job on an
// agent of a pool with the network cut cannot reach the server its agent talks to, while a job
// of a pool with network does. `benchtop agents` shows how each agent isolates its jobs.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { submitJob } from "../../server/queue/submit-job";
import { createApiToken } from "../../server/tokens/api-tokens";
import { logOf, waitForEnd } from "../support/real-agent";
import { startTestAgent } from "../support/agent-client";
import { createProjectFor, createUser } from "../support/factories";
import { run } from "../support/processes";
import { realLab } from "../support/real-lab";

const lab = realLab("pools");
const tag = () => randomUUID().slice(0, 6);

const cli = (token: string, args: string[]) =>
  run(process.execPath, [path.resolve("bin/benchtop.mjs"), ...args], { cwd: lab.dir, env: { PATH: process.env.PATH, HOME: lab.dir, BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token } });

async function realAgent(pool: string, gpuType: string, extra: string[] = []) {
  const name = `agent-${tag()}`;
  const { token } = await createAgent({ actorId: null, name, pool });
  const child = spawn(
    process.execPath,
    ["bin/benchtop.mjs", "agent", "--server", lab.url, "--token-file", await lab.tokenFile(name, token), "--name", name, "--simulate-gpus", "1", "--gpu-type", gpuType, "--work-dir", path.join(lab.dir, name), ...extra],
    { env: { PATH: process.env.PATH, HOME: lab.dir } as unknown as NodeJS.ProcessEnv, stdio: "ignore" },
  );
  lab.track(child);
  const deadline = Date.now() + 30_000;
  while (!(await db.agent.findUnique({ where: { name } }))?.registeredAt) {
    if (Date.now() > deadline) throw new Error(`agent ${name} did not register`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return name;
}

// Reaches the server the agent works for, or says why not.
const PROBE = `/usr/bin/python3 -c "
import sys, urllib.request, urllib.error
try:
    print('reached', urllib.request.urlopen(sys.argv[1] + '/api/v1/me', timeout=5).status)
except urllib.error.HTTPError as e:
    print('reached', e.code)
except Exception as e:
    print('unreachable', type(e).__name__)
" "$SERVER"`;

describe.sequential("a pool's network setting", () => {
  it("is set by directors and admins only, in words, and audited", async () => {
    const pool = `pool-${tag()}`;
    await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 1 });
    const researcher = await createUser();
    const director = await createUser({ labRole: "director" });
    const asResearcher = (await createApiToken({ actorId: researcher.id, name: "cli" })).token;
    const asDirector = (await createApiToken({ actorId: director.id, name: "cli" })).token;

    const refused = await cli(asResearcher, ["pools", "set", pool, "--job-network", "off"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Only lab admins and directors manage pools.");
    expect(await cli(asDirector, ["pools", "set", pool, "--job-network", "maybe"])).toMatchObject({ status: 2, stderr: expect.stringContaining('--job-network takes on or off, not "maybe".') });
    expect((await cli(asDirector, ["pools", "set", `no-such-${tag()}`, "--job-network", "off"])).stderr).toContain("There is no pool named");

    const set = await cli(asDirector, ["pools", "set", pool, "--job-network", "off"]);
    expect(set.stdout).toBe(`${pool}: job network off (for jobs that start from now on).\n`);
    const listed = await cli(asResearcher, ["pools"]);
    expect(listed.stdout).toMatch(new RegExp(`^${pool}\\s+agents\\s+1\\s+off$`, "m"));
    const event = await db.auditEvent.findFirst({ where: { action: "pool.updated", target: pool }, select: { actorId: true, data: true } });
    expect(event).toEqual({ actorId: director.id, data: { jobNetwork: { from: true, to: false } } });
  });

  it("`benchtop agents create` prints the token alone, and how to keep it off command lines", async () => {
    const director = await createUser({ labRole: "director" });
    const token = (await createApiToken({ actorId: director.id, name: "cli" })).token;
    const name = `gpu-${tag()}`;
    const created = await cli(token, ["agents", "create", name]);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^bt_agent_\S+\n$/);
    expect(created.stderr).toContain("(umask 077; cat > /etc/benchtop-agent-token)");
    expect(created.stderr).toContain(`benchtop agent --server ${lab.url} --name ${name} --token-file /etc/benchtop-agent-token`);
    expect(created.stderr).toContain("--token-stdin");
    expect(created.stderr).not.toContain(created.stdout.trim());
  });

  it("travels with each assignment", async () => {
    const pool = `pool-${tag()}`;
    const gpuType = `gpu-${tag()}`;
    const agent = await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 2, gpuType });
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const submit = () => submitJob({ actorId: owner.id, projectSlug: project.slug, command: "true", gpus: 1, gpuType, pools: [pool] });
    const { runSchedulerPass } = await import("../../server/queue/scheduler-pass");
    await submit();
    await runSchedulerPass();
    expect((await agent.claim(5_000)).map((a) => a.network)).toEqual([true]);
    await db.pool.update({ where: { name: pool }, data: { jobNetwork: false } });
    await submit();
    await runSchedulerPass();
    expect((await agent.claim(5_000)).map((a) => a.network)).toEqual([false]);
  });

  it("cuts a sandboxed job off the network, and `benchtop agents` shows the agents' isolation", async () => {
    const director = await createUser({ labRole: "director" });
    const token = (await createApiToken({ actorId: director.id, name: "cli" })).token;
    const project = await createProjectFor(director);
    const [open, closed] = [`open-${tag()}`, `closed-${tag()}`];
    const gpuType = `gpu-${tag()}`;
    const openAgent = await realAgent(open, gpuType);
    const closedAgent = await realAgent(closed, gpuType);
    const loose = await realAgent(`loose-${tag()}`, `${gpuType}-loose`, ["--no-isolation"]);
    expect((await cli(token, ["pools", "set", closed, "--job-network", "off"])).status).toBe(0);

    const jobIn = async (pool: string) => {
      const { id } = await submitJob({ actorId: director.id, projectSlug: project.slug, command: PROBE, env: { SERVER: lab.url }, gpus: 1, gpuType, pools: [pool] });
      const job = await waitForEnd(director.id, id);
      return `${job.state}: ${await logOf(director.id, id)}`;
    };
    expect(await jobIn(open)).toMatch(/^succeeded: [\s\S]*reached 401/);
    expect(await jobIn(closed)).toMatch(/^succeeded: [\s\S]*unreachable URLError/);

    const agents = await cli(token, ["agents"]);
    expect(agents.stderr).toBe("");
    expect(agents.stdout).toMatch(/^NAME\s+POOL\s+STATE\s+GPUS\s+FREE\s+TYPE\s+JOBS RUN AS\s+NETWORK\s+SEEN$/m);
    expect(agents.stdout).toMatch(new RegExp(`^${openAgent}\\s+${open}\\s+online\\s+1\\s+1\\s+${gpuType} \\(simulated\\)\\s+nobody, sandbox\\s+on\\s`, "m"));
    expect(agents.stdout).toMatch(new RegExp(`^${closedAgent}\\s+${closed}\\s+.*nobody, sandbox\\s+off\\s`, "m"));
    expect(agents.stdout).toMatch(new RegExp(`^${loose}\\s+.*NONE: root, no sandbox\\s+on\\s`, "m"));
    expect(agents.stdout).toContain(`Warning: ${loose} runs jobs without isolation (--no-isolation): any job there can read the agent's token`);
  }, 120_000);
});

// Secret env (`--secret-env K=V`, the form's secret field): stored encrypted, handed only to the
// agent in the assignment, never shown again to anyone (names only), kept by a re-run; a real
// agent's job gets it while no API answer, log line or audit event carries it.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { getJob } from "../../server/queue/read-jobs";
import { submitJob } from "../../server/queue/submit-job";
import { logOf, startAgent, waitForEnd } from "../support/real-agent";
import { realLab } from "../support/real-lab";
import { createProjectFor, createUser } from "../support/factories";
import { envLab } from "./env-lab";
import { callerFor, rest, tag, tokenFor } from "./support";

const SECRET = `tok-${tag()}-${tag()}`;

async function everythingSaidAbout(jobId: string, users: { id: string }[]): Promise<string> {
  const said: string[] = [];
  for (const u of users) {
    said.push(JSON.stringify(await (await callerFor(u as never)).jobs.get({ jobId })));
    said.push((await rest(await tokenFor(u as never), "GET", `/jobs/${jobId}`)).text);
    said.push((await rest(await tokenFor(u as never), "GET", `/jobs?limit=50`)).text);
  }
  const audit = await db.auditEvent.findMany({ select: { target: true, data: true } });
  said.push(JSON.stringify(audit));
  const row = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { env: true, secretEnv: true, name: true, command: true } });
  said.push(JSON.stringify(row.env), Buffer.from(row.secretEnv ?? []).toString("latin1"), row.name, row.command);
  return said.join("\n");
}

describe("secret env", () => {
  it("reaches the agent, shows only its name to everyone (submitter and director too), and a re-run keeps it", async () => {
    const { users, base, runOnAgent } = await envLab();
    const { id } = await submitJob({ actorId: users.ed.id, ...base, env: { SEED: "1" }, secretEnv: { API_TOKEN: SECRET } });
    for (const who of [users.ed, users.ana, users.dora, users.vic]) {
      const job = await (await callerFor(who)).jobs.get({ jobId: id });
      expect(job.secretEnvNames).toEqual(["API_TOKEN"]);
      expect(job.env).not.toHaveProperty("API_TOKEN");
    }
    const given = await runOnAgent(id);
    expect(given.env).toEqual({ SEED: "1", API_TOKEN: SECRET });
    expect(await everythingSaidAbout(id, Object.values(users))).not.toContain(SECRET);

    // A re-run by someone else (who never saw it) keeps it: it is named, not sent.
    const eli = await callerFor(users.eli);
    const rerun = await eli.jobs.submit({ ...base, env: { SEED: null }, rerunOfId: id });
    expect((await getJob({ actorId: users.eli.id, jobId: rerun.id })).secretEnvNames).toEqual(["API_TOKEN"]);
    expect((await runOnAgent(rerun.id)).env).toEqual({ SEED: "1", API_TOKEN: SECRET });
    expect(await everythingSaidAbout(rerun.id, Object.values(users))).not.toContain(SECRET);
  });

  it("refuses a name given both as env and secret env", async () => {
    const { users, base } = await envLab();
    await expect(submitJob({ actorId: users.ed.id, ...base, env: { TOKEN: "a" }, secretEnv: { TOKEN: "b" } })).rejects.toThrow(
      /TOKEN is given both as a variable and as a secret; give it once/,
    );
  });

  it("ends the attempt in words when the secret cannot be decrypted (BENCHTOP_SECRET_KEY changed)", async () => {
    const { users, base, runOnAgent } = await envLab();
    const { id } = await submitJob({ actorId: users.ed.id, ...base, secretEnv: { API_TOKEN: SECRET } });
    await db.job.update({ where: { id }, data: { secretEnv: new Uint8Array([1, 2, 3, 4]) } });
    await expect(runOnAgent(id)).rejects.toThrow(/was not claimed/);
    const job = await getJob({ actorId: users.ed.id, jobId: id });
    expect(job.state).toBe("failed");
    expect(job.stateReason).toMatch(/secret variables cannot be read: BENCHTOP_SECRET_KEY .* changed since it was submitted/);
  });
});

describe("secret env through the CLI and a real agent", () => {
  const lab = realLab("secret-env");

  it("benchtop submit --secret-env K=V: the job sees the value, its log and status never show it", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const pool = `pool-${tag()}`;
    const gpuType = `sim-${tag()}`;
    const agent = await startAgent(lab, pool, gpuType);
    const work = path.join(lab.dir, "work");
    await fs.mkdir(work, { recursive: true });
    await fs.writeFile(path.join(work, "check.sh"), 'printf "secret arrived: %s\\n" "$(printf %s "$API_TOKEN" | sha256sum | cut -c1-16)"\n');
    const token = await tokenFor(owner);
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ["bin/benchtop.mjs", ...args], {
          env: { PATH: process.env.PATH ?? "", HOME: lab.dir, BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token } as unknown as NodeJS.ProcessEnv,
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
      });
    const submitted = await cli([
      "submit", "-p", project.slug, "--gpus", "1", "--gpu-type", gpuType, "--pool", pool, "--workdir", work,
      "--secret-env", `API_TOKEN=${SECRET}`, "--", "bash", "check.sh",
    ]);
    expect(submitted.stderr + submitted.stdout).not.toContain(SECRET);
    expect(submitted.code).toBe(0);
    const jobId = submitted.stdout.trim();
    const done = await waitForEnd(owner.id, jobId);
    expect(done.state, await logOf(owner.id, jobId)).toBe("succeeded");
    const hash = createHash("sha256").update(SECRET).digest("hex").slice(0, 16);
    const log = await logOf(owner.id, jobId);
    expect(log).toContain(`secret arrived: ${hash}`);
    expect(log).not.toContain(SECRET);
    expect(agent.output()).not.toContain(SECRET);
    const status = await cli(["status", jobId]);
    expect(status.stdout).toMatch(/API_TOKEN \(secret\)/);
    expect(status.stdout).not.toContain(SECRET);
    const json = await cli(["status", jobId, "--json"]);
    expect(json.stdout).not.toContain(SECRET);
  });
});

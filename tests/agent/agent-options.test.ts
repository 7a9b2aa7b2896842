// How `benchtop agent` takes its token and its isolation, as a real process: a token on the
// command line is refused (every process can read /proc/PID/cmdline), a token file others can
// read is refused as ssh refuses such a key, stdin works, and when isolation cannot be had the
// agent refuses to start with one sentence naming the problem and the fix.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeAgentServer, makeAssignment } from "./support/fake-agent-server";

let dir: string;
let server: FakeAgentServer;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-agent-options-"));
  await fs.chmod(dir, 0o711);
  server = await new FakeAgentServer().start();
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs the agent (or `prefix`, e.g. setpriv, in front of it) to its end. */
function agent(args: string[], opts: { env?: Record<string, string>; stdin?: string; prefix?: string[]; workDir?: string } = {}) {
  const workDir = opts.workDir ?? path.join(dir, `work-${Math.random().toString(36).slice(2)}`);
  const argv = [...(opts.prefix ?? []), process.execPath, path.resolve("bin/benchtop.mjs"), "agent", "--server", server.url, "--work-dir", workDir, ...args];
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { env: { PATH: process.env.PATH ?? "", HOME: dir, ...opts.env } as unknown as NodeJS.ProcessEnv, cwd: "/" });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.stdin.end(opts.stdin ?? "");
    child.on("close", (code) => resolve({ code, output }));
  });
}

const queueOne = () => server.queued.push(makeAssignment({ snapshotId: server.addSnapshot({ "a.txt": "a\n" }), command: "cat a.txt" }));

describe("the agent's token", () => {
  it("is refused on the command line, with why and what to use instead", async () => {
    const { code, output } = await agent(["--once", "--token", server.token]);
    expect(code).toBe(2);
    expect(output).toContain("--token puts the agent token on the command line, where every process on this machine can read it (/proc/PID/cmdline)");
    expect(output).toContain("--token-file FILE");
    expect(output).not.toContain(server.token);
  });

  it("is refused from a file other users can read, as ssh refuses such a key", async () => {
    const file = path.join(dir, "open-token");
    await fs.writeFile(file, server.token + "\n", { mode: 0o644 });
    await fs.chmod(file, 0o644);
    const { code, output } = await agent(["--once", "--token-file", file]);
    expect(code).toBe(2);
    expect(output).toContain(`Permissions 0644 for ${file} are too open: the agent token must be readable by its owner only; run chmod 600 ${file}.`);
  });

  it("is read from stdin with --token-stdin, and from a 0600 file with --token-file", async () => {
    queueOne();
    const piped = await agent(["--once", "--token-stdin"], { stdin: server.token + "\n" });
    expect(piped.code, piped.output).toBe(0);
    expect(piped.output).toMatch(/agent\.registered/);
    const file = path.join(dir, "token");
    await fs.writeFile(file, server.token + "\n", { mode: 0o600 });
    queueOne();
    const fromFile = await agent(["--once", "--token-file", file]);
    expect(fromFile.code, fromFile.output).toBe(0);
    expect(fromFile.output).not.toContain(server.token);
  });
});

describe("the agent's isolation", () => {
  const env = { BENCHTOP_AGENT_TOKEN: "" };

  it("refuses a job user that does not exist, naming the fixes", async () => {
    const { code, output } = await agent(["--once", "--job-user", "benchtop-no-such-user"], { env: { BENCHTOP_AGENT_TOKEN: server.token } });
    expect(code).toBe(2);
    expect(output).toContain('The job user "benchtop-no-such-user" does not exist on this machine: create it (useradd --system --no-create-home benchtop-no-such-user)');
  });

  it("refuses --job-user when not running as root: it could not switch users", async () => {
    const { code, output } = await agent(["--once", "--job-user", "nobody"], {
      env: { ...env, BENCHTOP_AGENT_TOKEN: server.token },
      prefix: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"],
    });
    expect(code).toBe(2);
    expect(output).toContain("--job-user needs the agent to run as root (it switches to that user for each job); as nobody, jobs run sandboxed as nobody");
  });

  it("refuses to start without bubblewrap, naming apt-get install bubblewrap and --no-isolation", async () => {
    // A PATH with everything the agent needs except bwrap.
    const bin = path.join(dir, "bin-without-bwrap");
    await fs.mkdir(bin, { recursive: true });
    for (const tool of ["setpriv", "sh", "bash"]) await fs.symlink(`/usr/bin/${tool}`, path.join(bin, tool)).catch(() => undefined);
    const { code, output } = await agent(["--once"], { env: { PATH: bin, BENCHTOP_AGENT_TOKEN: server.token } });
    expect(code).toBe(1);
    expect(output).toContain(
      "Jobs cannot be isolated: bubblewrap is not installed here; install it (apt-get install bubblewrap), or pass --no-isolation to run jobs as root without a sandbox.",
    );
    expect(output).not.toMatch(/agent\.registered/);
  });

  it("refuses a work dir the job user cannot reach, naming one it can", async () => {
    const closed = path.join(dir, "closed");
    await fs.mkdir(closed, { mode: 0o700 });
    await fs.chmod(closed, 0o700);
    const { code, output } = await agent(["--once"], { env: { BENCHTOP_AGENT_TOKEN: server.token }, workDir: path.join(closed, "agent") });
    expect(code).toBe(1);
    expect(output).toContain(`Jobs cannot be isolated: the job user nobody cannot reach ${closed}/agent/runs`);
    expect(output).toContain("such as /var/lib/benchtop-agent");
  });

  it("as a user of its own, sandboxes jobs as that user, and says so", async () => {
    queueOne();
    const workDir = path.join(dir, "as-nobody");
    await fs.mkdir(workDir);
    await fs.chown(workDir, 65534, 65534);
    const { code, output } = await agent(["--once"], {
      env: { BENCHTOP_AGENT_TOKEN: server.token },
      prefix: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"],
      workDir,
    });
    expect(code, output).toBe(0);
    expect(output).toMatch(/agent\.isolation sandbox=bwrap jobUser="nobody \(no separate user\)"/);
    expect(server.registrations.at(-1)).toMatchObject({ isolation: { sandbox: true, jobUser: "nobody", separateUser: false } });
  });

  it("with --no-isolation runs jobs unsandboxed and warns", async () => {
    queueOne();
    const { code, output } = await agent(["--once", "--no-isolation"], { env: { BENCHTOP_AGENT_TOKEN: server.token } });
    expect(code, output).toBe(0);
    expect(output).toContain("WARNING: --no-isolation: jobs run as root without a sandbox");
    expect(server.registrations.at(-1)).toMatchObject({ isolation: { sandbox: false, jobUser: "root", separateUser: false } });
  });
});

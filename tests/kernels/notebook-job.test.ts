// "Run as job" for a notebook, with real parts: the CLI uploads a directory and submits
// `--notebook`, the real queue places it, a real agent process runs it with
// agent-files/python/benchtop_notebook.py (nbclient on a real ipykernel), and the executed
// notebook, outputs included, comes back as the job's artifact.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createAgent } from "../../server/queue/agents";
import { getBlob } from "../../server/storage/blobs";
import { cancelJob } from "../../server/queue/cancel-job";
import { getJob, listArtifacts, readLogLines } from "../../server/queue/read-jobs";
import { submitJob } from "../../server/queue/submit-job";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createProjectFor, createUser } from "../support/factories";
import { run, until as pollUntil } from "../support/processes";
import { realLab } from "../support/real-lab";

const lab = realLab("notebook-job");

type Cell = { cell_type: "code" | "markdown"; source: string; outputs?: { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown>; ename?: string }[] };

/** An nbformat 4 notebook, as Jupyter writes one. */
function notebook(cells: { code?: string; markdown?: string }[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" }, language_info: { name: "python" } },
    cells: cells.map((c, i) =>
      c.code !== undefined
        ? { id: `c${i}`, cell_type: "code", source: c.code, metadata: {}, outputs: [], execution_count: null }
        : { id: `c${i}`, cell_type: "markdown", source: c.markdown, metadata: {} },
    ),
  });
}

/** Every 200 ms, 90 s unless told. */
const until = <T,>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 90_000) => pollUntil(what, check, timeoutMs, 200);

async function artifactJson(actorId: string, jobId: string, name: string): Promise<{ cells: Cell[] }> {
  const artifact = (await listArtifacts({ actorId, jobId })).find((a) => a.path === name);
  if (!artifact) throw new Error(`no artifact ${name}`);
  const chunks: Buffer[] = [];
  for await (const c of await getBlob(artifact.sha256)) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : (t ?? ""));

describe("a notebook run as a job", () => {
  it("runs headless on a real agent and comes back executed, outputs included; a failing cell fails the job and is named", async () => {
    const ana = await createUser({ name: "Ana Notebook" });
    const project = await createProjectFor(ana);
    const { token } = await createApiToken({ actorId: ana.id, name: "cli" });
    const pool = `nb-${randomUUID().slice(0, 6)}`;
    const gpuType = `${pool}-gpu`;
    const agent = await createAgent({ actorId: null, name: `${pool}-a`, pool });
    // The agent's PATH is this machine's: its first python3 may lack nbclient (the runner then uses the system's).
    const agentProcess = spawn(
      process.execPath,
      ["bin/benchtop.mjs", "agent", "--server", lab.url, "--token-file", await lab.tokenFile(`${pool}-a`, agent.token), "--name", `${pool}-a`, "--simulate-gpus", "1", "--gpu-type", gpuType, "--address", "127.0.0.1", "--work-dir", path.join(lab.dir, "agent")],
      { env: { PATH: process.env.PATH, HOME: lab.dir } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] },
    );
    agentProcess.stdout!.resume();
    agentProcess.stderr!.resume();
    lab.track(agentProcess);
    await until("the agent to register", async () => (await db.agent.findUnique({ where: { name: `${pool}-a` } }))?.registeredAt);

    // From the CLI: a directory with a notebook and its data.
    const dir = path.join(lab.dir, "work");
    await fs.mkdir(path.join(dir, "notebooks"), { recursive: true });
    await fs.writeFile(path.join(dir, "points.csv"), "x,y\n1,2\n3,4\n");
    await fs.writeFile(
      path.join(dir, "notebooks/analysis.ipynb"),
      notebook([
        { markdown: "# Analysis" },
        { code: "import os\nprint('hello from', os.environ['CUDA_VISIBLE_DEVICES'] != '')" },
        { code: "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 9])\nplt.show()" },
        { code: "import pandas as pd\npd.read_csv('../points.csv')" },
      ]),
    );
    const cliEnv = { PATH: process.env.PATH, HOME: lab.dir, BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token };
    const submit = await run(
      process.execPath,
      [path.resolve("bin/benchtop.mjs"), "submit", "--project", project.slug, "--notebook", "notebooks/analysis.ipynb", "--gpus", "1", "--gpu-type", gpuType, "--pool", pool, "--max-runtime", "5m"],
      { cwd: dir, env: cliEnv },
    );
    expect(submit.status, submit.stderr).toBe(0);
    const jobId = submit.stdout.trim();

    const done = await until("the notebook job to end", async () => {
      const job = await getJob({ actorId: ana.id, jobId });
      return ["succeeded", "failed", "cancelled", "timed_out"].includes(job.state) && job;
    });
    const { lines } = await readLogLines({ actorId: ana.id, jobId, from: 0, limit: 10_000 });
    const log = lines.map((l) => l.text).join("\n");
    expect(done.state, `${done.stateReason}\n${log}`).toBe("succeeded");
    expect((await db.job.findUniqueOrThrow({ where: { id: jobId } })).notebookPath).toBe("notebooks/analysis.ipynb");
    expect(done.command).toBe("python3 -m benchtop_notebook notebooks/analysis.ipynb");
    // Live progress and each cell's output in the log.
    expect(log).toContain("cell 1/3");
    expect(log).toContain("hello from True");
    expect(log).toContain("all 3 cell(s) ran");

    const executed = await artifactJson(ana.id, jobId, "analysis.ipynb");
    const code = executed.cells.filter((c) => c.cell_type === "code");
    expect(text(code[0]!.outputs!.find((o) => o.output_type === "stream")?.text)).toBe("hello from True\n");
    expect(typeof code[1]!.outputs!.find((o) => o.output_type === "display_data")?.data?.["image/png"]).toBe("string");
    expect(text(code[2]!.outputs!.find((o) => o.output_type === "execute_result")?.data?.["text/html"] as string)).toContain("<table");

    const artifacts = await run(process.execPath, [path.resolve("bin/benchtop.mjs"), "artifacts", jobId], { cwd: dir, env: cliEnv });
    expect(artifacts.status, artifacts.stderr).toBe(0);
    expect(artifacts.stdout).toContain("analysis.ipynb");

    // From the browser: the project's stored files; the second cell fails.
    const broken = notebook([{ code: "print('before')" }, { code: "1 / 0" }, { code: "print('never')" }]);
    await db.file.create({ data: { projectId: project.id, path: "broken.ipynb", content: Buffer.from(broken), sizeBytes: broken.length } });
    const { id: failedId } = await submitJob({ actorId: ana.id, projectSlug: project.slug, notebook: "broken.ipynb", gpus: 1, gpuType, pools: [pool] });
    const failed = await until("the failing notebook job to end", async () => {
      const job = await getJob({ actorId: ana.id, jobId: failedId });
      return ["succeeded", "failed", "cancelled", "timed_out"].includes(job.state) && job;
    });
    expect(failed.state).toBe("failed");
    const failedLog = (await readLogLines({ actorId: ana.id, jobId: failedId, from: 0, limit: 10_000 })).lines.map((l) => l.text).join("\n");
    expect(failedLog).toContain("cell 2/3 (#2) failed: ZeroDivisionError: division by zero");
    const kept = await artifactJson(ana.id, failedId, "broken.ipynb");
    expect(text(kept.cells[0]!.outputs![0]!.text)).toBe("before\n");
    expect(kept.cells[1]!.outputs!.find((o) => o.output_type === "error")?.ename).toBe("ZeroDivisionError");
    expect(kept.cells[2]!.outputs).toEqual([]);

    // Re-run (as the job page does it: the same command) is still that notebook's run.
    const { id: rerunId } = await submitJob({ actorId: ana.id, projectSlug: project.slug, command: failed.command, rerunOfId: failedId, gpus: 1, gpuType, pools: [pool] });
    expect((await db.job.findUniqueOrThrow({ where: { id: rerunId } })).notebookPath).toBe("broken.ipynb");
    await cancelJob({ actorId: ana.id, jobId: rerunId });
  }, 180_000);

  it("refuses a notebook that is not among the job's files, or a notebook and a command at once", async () => {
    const ana = await createUser();
    const project = await createProjectFor(ana);
    await expect(submitJob({ actorId: ana.id, projectSlug: project.slug, notebook: "missing.ipynb" })).rejects.toThrow('The notebook "missing.ipynb" is not among the job\'s files');
    await expect(submitJob({ actorId: ana.id, projectSlug: project.slug, notebook: "a.ipynb", command: "python3 x.py" })).rejects.toThrow("either a command or a notebook");
    await expect(submitJob({ actorId: ana.id, projectSlug: project.slug })).rejects.toThrow("command is required");
    await expect(submitJob({ actorId: ana.id, projectSlug: project.slug, notebook: "../outside.ipynb" })).rejects.toThrow("inside the project");
  });
});

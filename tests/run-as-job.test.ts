// "Run as job" on a file from the project's files table leads to the submit form prefilled to run
// it; followed through the form's values to jobs.submit, a notebook runs with benchtop_notebook,
// exactly as "Run as job" from the notebook panel (which opens ?notebook=), not jupyter nbconvert.
import { describe, expect, it } from "vitest";
import { defaultValues, toSubmitInput } from "../components/jobs/submit/job-form-values";
import { runAsJobCommand, runAsJobHref } from "../lib/job-command";
import { writeFile } from "../server/files/write-file";
import { getJob } from "../server/queue/read-jobs";
import { submitJob } from "../server/queue/submit-job";
import { startTestAgent } from "./support/agent-client";
import { createProjectFor, createUser } from "./support/factories";

/** The form's prefill from a "Run as job" link, as the submit page reads its query. */
function prefillOf(href: string) {
  const query = new URL(href, "http://benchtop.test").searchParams;
  return { command: query.get("command") ?? undefined, notebook: query.get("notebook") ?? undefined };
}

describe("Run as job from the files table", () => {
  it("runs a notebook with benchtop_notebook, as the notebook panel does", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ id: "a1", cell_type: "code", metadata: {}, source: "print(1)", execution_count: null, outputs: [] }] };
    await writeFile({ actorId: owner.id, projectSlug: project.slug, path: "notebooks/my analysis.ipynb", baseVersion: null, bytes: new TextEncoder().encode(JSON.stringify(notebook)) });

    const href = runAsJobHref(project.slug, "notebooks/my analysis.ipynb")!;
    expect(href).toBe(`/projects/${project.slug}/jobs/new?notebook=notebooks%2Fmy%20analysis.ipynb`);
    const input = toSubmitInput(project.slug, defaultValues(prefillOf(href)));
    // Somewhere it can run (the form's own pool and GPU choices are not what this test is about).
    const pool = `run-as-job-${project.slug}`.slice(0, 60);
    await startTestAgent({ name: `agent-${project.slug}`.slice(0, 60), pool, gpus: 8, gpuType: "rtx" });
    const { id } = await submitJob({ actorId: owner.id, ...input, gpuType: "rtx", pools: [pool] });
    const job = await getJob({ actorId: owner.id, jobId: id });
    expect(job.command).toBe("python3 -m benchtop_notebook 'notebooks/my analysis.ipynb'");
    expect(job.command).not.toContain("nbconvert");
  });

  it("runs a script with its interpreter, and offers nothing for other files", () => {
    expect(prefillOf(runAsJobHref("demo", "train.py")!)).toEqual({ command: "python train.py", notebook: undefined });
    expect(prefillOf(runAsJobHref("demo", "scripts/run all.sh")!)).toEqual({ command: "bash 'scripts/run all.sh'", notebook: undefined });
    expect(runAsJobHref("demo", "README.md")).toBeNull();
    // A notebook has no command of its own: it is not a script.
    expect(runAsJobCommand("analysis.ipynb")).toBeNull();
  });
});

import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { requireProjectRole } from "../projects/access";
import { assertNotebookInSnapshot, resolveJobCommand } from "../kernels/notebook-job";
import { isDirector } from "../users/users";
import { loadAgents } from "./capacity";
import { createJobDatasets, resolveJobDatasets } from "./job-datasets";
import { notify, CHANNEL } from "./notify";
import { fitsAnyCapacity } from "./scheduler";
import { ZSubmitJobInput, type TSubmitJobInput } from "./schemas";
import { snapshotProjectFiles } from "./snapshots";

/**
 * Queues a job. Editors and owners may submit; high priority needs a project owner or a lab
 * director. A job no capacity could ever hold is refused now, with the reason, rather than
 * waiting forever.
 */
export async function submitJob(args: { actorId: string; rerunOfId?: string } & TSubmitJobInput): Promise<{ id: string }> {
  const input = ZSubmitJobInput.parse(args);
  const { command, notebookPath } = resolveJobCommand(input);
  const jobName = input.name || (notebookPath ?? command).slice(0, 80);
  const { project, role } = await requireProjectRole({ actorId: args.actorId, projectSlug: input.projectSlug, atLeast: "editor" });
  const actor = await db.user.findUniqueOrThrow({ where: { id: args.actorId }, select: { labRole: true, name: true, email: true } });
  if (input.priority === "high" && role !== "owner" && !isDirector(actor.labRole)) {
    throw new AppError("FORBIDDEN", "High priority needs a project owner or a lab director.", { priority: ["high needs an owner or director"] });
  }
  if (project.archivedAt) throw new AppError("CONFLICT", `Project "${project.slug}" is archived; restore it to run jobs.`);

  const pools = input.pools.length
    ? await db.pool.findMany({ where: { name: { in: input.pools } }, select: { id: true, name: true } })
    : [];
  const unknownPool = input.pools.find((p) => !pools.some((x) => x.name === p));
  if (unknownPool) throw new AppError("BAD_REQUEST", `There is no pool named "${unknownPool}".`, { pools: [`"${unknownPool}" is unknown`] });

  const fit = fitsAnyCapacity(
    {
      id: "new",
      userId: args.actorId,
      userName: actor.name ?? actor.email,
      projectId: project.id,
      projectName: project.name,
      priority: input.priority,
      submittedAt: Date.now(),
      nodes: input.nodes,
      gpusPerNode: input.gpus,
      gpuType: input.gpuType ?? null,
      maxRuntimeMs: input.maxRuntimeSeconds * 1000,
      poolIds: pools.map((p) => p.name),
    },
    await loadAgents(),
  );
  if (!fit.ok) throw new AppError("UNPROCESSABLE", `This job can never start: ${fit.reason}.`, { gpus: [fit.reason] });

  // A re-run runs on the files the original ran on, unless it is given others.
  let rerunSnapshot: string | null = null;
  let rerunNotebook: string | null = null;
  if (args.rerunOfId) {
    const original = await db.job.findFirst({ where: { id: args.rerunOfId, projectId: project.id }, select: { snapshotId: true, command: true, notebookPath: true } });
    if (!original) throw new AppError("BAD_REQUEST", "The job to re-run was not found in this project.", { rerunOfId: ["is unknown"] });
    rerunSnapshot = original.snapshotId;
    // A notebook job re-run with its command as it was is still that notebook's run.
    if (original.command === command) rerunNotebook = original.notebookPath;
  }
  const snapshotId =
    input.snapshotId ?? rerunSnapshot ?? (await snapshotProjectFiles({ actorId: args.actorId, projectSlug: input.projectSlug }));
  if (input.snapshotId) {
    const snap = await db.snapshot.findFirst({ where: { id: input.snapshotId, projectId: project.id }, select: { id: true } });
    if (!snap) throw new AppError("BAD_REQUEST", "That snapshot does not belong to this project; upload it first.", { snapshotId: ["is unknown"] });
  }
  if (notebookPath) await assertNotebookInSnapshot(snapshotId, notebookPath);
  // Checked and frozen before the job exists: the job records the dataset versions it reads.
  const datasets = await resolveJobDatasets({ actorId: args.actorId, projectId: project.id, attachments: input.datasets, rerunOfId: args.rerunOfId });

  return db.$transaction(async (tx) => {
    const job = await tx.job.create({
      data: {
        projectId: project.id,
        submittedById: args.actorId,
        name: jobName,
        command,
        notebookPath: notebookPath ?? rerunNotebook,
        snapshotId,
        nodes: input.nodes,
        gpusPerNode: input.gpus,
        gpuType: input.gpuType ?? null,
        maxRuntimeSeconds: input.maxRuntimeSeconds,
        priority: input.priority,
        maxRetries: input.retries,
        env: input.env,
        pools: input.pools,
        graceSeconds: input.graceSeconds,
        rerunOfId: args.rerunOfId ?? null,
        stateReason: "waiting for the scheduler",
      },
      select: { id: true },
    });
    await createJobDatasets(tx, job.id, datasets);
    await recordAuditEvent(tx, { actorId: args.actorId, projectId: project.id, action: "job.submitted", target: jobName, data: { jobId: job.id } });
    await notify(tx, CHANNEL.queue, "submit");
    return job;
  });
}

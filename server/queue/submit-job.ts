import { recordAuditEvent } from "../audit/record-audit-event";
import { budgetHold } from "../costs/admission";
import { db } from "../db/client";
import { AppError } from "../errors";
import { requireProjectRole } from "../projects/access";
import { assertNotebookInSnapshot, resolveJobCommand } from "../kernels/notebook-job";
import { isDirector } from "../users/users";
import { loadAgents } from "./capacity";
import { createJobDatasets, resolveJobDatasets } from "./job-datasets";
import { resolveEnv, type RerunSource } from "./job-env";
import { notify, CHANNEL } from "./notify";
import { fitsAnyCapacity } from "./scheduler";
import { ZSubmitJobInput, type TSubmitJobInput } from "./schemas";
import { assertProjectSnapshot, snapshotProjectFiles } from "./snapshots";

/**
 * Queues a job. Editors and owners may submit (never into an archived project); high priority
 * needs a project owner or a lab director. A job no capacity could ever hold is refused now, with
 * the reason, rather than waiting forever. Its variables and secrets are resolved by job-env.ts; a
 * budget may hold it (../costs/admission.ts).
 */
export async function submitJob(args: { actorId: string; rerunOfId?: string } & TSubmitJobInput): Promise<{ id: string; heldReason: string | null }> {
  const input = ZSubmitJobInput.parse(args);
  const { command, notebookPath } = resolveJobCommand(input);
  const jobName = input.name || (notebookPath ?? command).slice(0, 80);
  const { project, role, caller } = await requireProjectRole({ actorId: args.actorId, projectSlug: input.projectSlug, atLeast: "editor", intent: "write" });
  const actor = await db.user.findUniqueOrThrow({ where: { id: args.actorId }, select: { name: true, email: true } });
  if (input.priority === "high" && role !== "owner" && !isDirector(caller.labRole)) {
    throw new AppError("FORBIDDEN", "High priority needs a project owner or a lab director.", { priority: ["high needs an owner or director"] });
  }

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
  let original: RerunSource | null = null;
  let rerunNotebook: string | null = null;
  if (args.rerunOfId) {
    const row = await db.job.findFirst({
      where: { id: args.rerunOfId, projectId: project.id },
      select: { snapshotId: true, command: true, notebookPath: true, env: true, envAuthorId: true, submittedById: true, secretEnv: true, secretEnvNames: true },
    });
    if (!row) throw new AppError("BAD_REQUEST", "The job to re-run was not found in this project.", { rerunOfId: ["is unknown"] });
    original = { ...row, env: row.env as Record<string, string> };
    // A notebook job re-run with its command as it was is still that notebook's run.
    if (original.command === command) rerunNotebook = original.notebookPath;
  }
  if (input.snapshotId) await assertProjectSnapshot(project.id, input.snapshotId);
  const snapshotId =
    input.snapshotId ?? original?.snapshotId ?? (await snapshotProjectFiles({ actorId: args.actorId, projectSlug: input.projectSlug }));
  if (notebookPath) await assertNotebookInSnapshot(snapshotId, notebookPath);
  const env = resolveEnv({
    actor: { id: args.actorId, role, labRole: caller.labRole },
    given: input.env,
    givenSecrets: input.secretEnv,
    original,
    run: { command, snapshotId, notebookPath: notebookPath ?? rerunNotebook },
  });
  // Checked and frozen before the job exists: the job records the dataset versions it reads.
  const datasets = await resolveJobDatasets({ actorId: args.actorId, projectId: project.id, attachments: input.datasets, rerunOfId: args.rerunOfId });
  // A spent hold/stop budget, or a worst case past what is left, holds it until someone approves (costs/admission.ts).
  const { heldReason } = await budgetHold({
    projectId: project.id,
    projectSlug: project.slug,
    job: { nodes: input.nodes, gpus: input.gpus, gpuType: input.gpuType ?? null, maxRuntimeSeconds: input.maxRuntimeSeconds, pools: input.pools },
  });

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
        env: env.env,
        envAuthorId: env.envAuthorId,
        secretEnv: env.secretEnv,
        secretEnvNames: env.secretEnvNames,
        pools: input.pools,
        graceSeconds: input.graceSeconds,
        rerunOfId: args.rerunOfId ?? null,
        stateReason: heldReason ? "held by its budget" : "waiting for the scheduler",
        heldReason,
        heldAt: heldReason ? new Date() : null,
      },
      select: { id: true },
    });
    await createJobDatasets(tx, job.id, datasets);
    await recordAuditEvent(tx, { actorId: args.actorId, projectId: project.id, action: "job.submitted", target: jobName, data: { jobId: job.id } });
    await notify(tx, CHANNEL.queue, "submit");
    return { id: job.id, heldReason };
  });
}

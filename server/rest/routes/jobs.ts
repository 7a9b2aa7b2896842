import { z } from "zod";
import { ZManifestEntry } from "../../agent-api/protocol";
import { cancelJob } from "../../queue/cancel-job";
import { missingBlobsFor } from "../../queue/project-blobs";
import { notifications, CHANNEL } from "../../queue/notify";
import { getJob, listArtifacts, listJobs, readLogLines, readMetrics } from "../../queue/read-jobs";
import { ZJobDetail, ZJobState, ZJobSummary, ZSubmitJobInput, FINAL_STATES } from "../../queue/schemas";
import { createSnapshot } from "../../queue/snapshots";
import { submitJob } from "../../queue/submit-job";
import { env } from "../../env";
import { defineRoute } from "../define-route";

const ZJobParams = z.object({ jobId: z.string().min(1).meta({ description: "The job's id" }) });
const intQuery = (max: number, min = 0) => z.coerce.number().int().min(min).max(max);
/** ?state=queued,running: each one a state, and an error names the field `state`. */
const ZStatesQuery = z
  .string()
  .transform((v, ctx) => {
    const states = v.split(",").map((s) => s.trim());
    const unknown = states.filter((s) => !ZJobState.safeParse(s).success);
    if (unknown.length) ctx.addIssue({ code: "custom", message: `must be states among ${ZJobState.options.join(", ")} (not ${unknown.map((s) => `"${s}"`).join(", ")})` });
    return states as z.infer<typeof ZJobState>[];
  })
  .meta({ description: "Comma-separated states, e.g. queued,running" });

export const jobRoutes = [
  defineRoute({
    method: "POST",
    path: "/jobs",
    tag: "Jobs",
    summary: "Submit a job (editors and owners of the project)",
    body: ZSubmitJobInput,
    response: z.object({ id: z.string(), url: z.string() }),
    status: 201,
    handler: async ({ actor, body }) => {
      const { id } = await submitJob({ actorId: actor.id, ...body });
      return { id, url: `${env.baseUrl}/jobs/${id}` };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/jobs",
    tag: "Jobs",
    summary: "List jobs in your projects, newest first",
    query: z.object({
      project: z.string().optional().meta({ description: "Only this project's jobs (slug)" }),
      state: ZStatesQuery.optional(),
      mine: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
      limit: intQuery(500, 1).optional(),
    }),
    response: z.object({ jobs: z.array(ZJobSummary) }),
    handler: async ({ actor, query }) => {
      return { jobs: await listJobs({ actorId: actor.id, projectSlug: query.project, states: query.state, mine: query.mine, limit: query.limit }) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/jobs/{jobId}",
    tag: "Jobs",
    summary: "A job: its state and why, attempts, where it ran",
    params: ZJobParams,
    response: ZJobDetail,
    handler: ({ actor, params }) => getJob({ actorId: actor.id, jobId: params.jobId }),
  }),
  defineRoute({
    method: "POST",
    path: "/jobs/{jobId}/cancel",
    tag: "Jobs",
    summary: "Cancel a job in any state (its submitter, editors, owners)",
    params: ZJobParams,
    response: z.object({ state: ZJobState }),
    handler: ({ actor, params }) => cancelJob({ actorId: actor.id, jobId: params.jobId }),
  }),
  defineRoute({
    method: "GET",
    path: "/jobs/{jobId}/logs",
    tag: "Jobs",
    summary: "Log lines from `from` on; with waitMs, waits for new lines (long poll) until the job ends",
    params: ZJobParams,
    query: z.object({ from: intQuery(1e9).default(0), limit: intQuery(50_000, 1).default(10_000), waitMs: intQuery(60_000).default(0) }),
    response: z.object({
      lines: z.array(z.object({ n: z.number().int(), attempt: z.number().int(), node: z.number().int(), text: z.string() })),
      total: z.number().int(),
      state: ZJobState,
      next: z.number().int(),
    }),
    handler: async ({ actor, params, query }) => {
      const deadline = Date.now() + query.waitMs;
      for (;;) {
        const job = await getJob({ actorId: actor.id, jobId: params.jobId });
        const { lines, total } = await readLogLines({ actorId: actor.id, jobId: params.jobId, from: query.from, limit: query.limit });
        const final = FINAL_STATES.includes(job.state);
        if (lines.length > 0 || final || Date.now() >= deadline) {
          return { lines, total, state: job.state, next: lines.length ? lines[lines.length - 1]!.n + 1 : query.from };
        }
        await notifications.wait(CHANNEL.job, params.jobId, Math.min(5_000, deadline - Date.now()));
      }
    },
  }),
  defineRoute({
    method: "GET",
    path: "/jobs/{jobId}/metrics",
    tag: "Jobs",
    summary: "Metric points the job reported (::metric lines)",
    params: ZJobParams,
    response: z.object({
      points: z.array(z.object({ id: z.string(), key: z.string(), step: z.number().int().nullable(), value: z.number(), at: z.date(), attemptNumber: z.number().int() })),
    }),
    handler: async ({ actor, params }) => ({ points: await readMetrics({ actorId: actor.id, jobId: params.jobId }) }),
  }),
  defineRoute({
    method: "GET",
    path: "/jobs/{jobId}/artifacts",
    tag: "Jobs",
    summary: "Files the job left in BENCHTOP_OUTPUT_DIR (download each at /jobs/{jobId}/artifacts/download?path=...)",
    params: ZJobParams,
    response: z.object({
      artifacts: z.array(z.object({ path: z.string(), sizeBytes: z.number(), sha256: z.string(), attemptNumber: z.number().int() })),
    }),
    handler: async ({ actor, params }) => ({ artifacts: await listArtifacts({ actorId: actor.id, jobId: params.jobId }) }),
  }),
  defineRoute({
    method: "POST",
    path: "/blobs/missing",
    tag: "Snapshots",
    summary: "Which of these file contents (SHA-256) the project lacks; upload those with PUT /blobs/{sha256}?project=SLUG. Without a project all are missing",
    body: z.object({
      sha256s: z.array(z.string().regex(/^[a-f0-9]{64}$/, "must be a SHA-256")).max(100_000),
      project: z.string().min(1).optional().meta({ description: "The project the snapshot is for (its slug); editors" }),
    }),
    response: z.object({ missing: z.array(z.string()) }),
    handler: async ({ actor, body }) => ({ missing: await missingBlobsFor({ actorId: actor.id, projectSlug: body.project, sha256s: body.sha256s }) }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects/{projectSlug}/snapshots",
    tag: "Snapshots",
    summary: "Freeze a set of uploaded files as a snapshot to run jobs on (editors and owners)",
    params: z.object({ projectSlug: z.string().min(1) }),
    body: z.object({ files: z.array(ZManifestEntry).max(100_000) }),
    response: z.object({ snapshotId: z.string() }),
    status: 201,
    // An empty snapshot is a job that needs no files (`benchtop submit -- sleep 60` from an empty folder).
    handler: async ({ actor, params, body }) => ({ snapshotId: await createSnapshot({ actorId: actor.id, projectSlug: params.projectSlug, manifest: body }) }),
  }),
];

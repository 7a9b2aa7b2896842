// Job inputs and outputs shared by tRPC, REST (and so OpenAPI) and the CLI.
import { z } from "zod";

const RESERVED_ENV = /^(BENCHTOP_|CUDA_VISIBLE_DEVICES$|MASTER_ADDR$|MASTER_PORT$|WORLD_SIZE$|NODE_RANK$)/;

/** Variables for a job. On a re-run, a null value keeps the value the re-run job had (job-env.ts). */
const envRecord = () =>
  z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, "must be a variable name (letters, digits, _)"),
      z.string().max(32_768, "must be at most 32 KiB").nullable(),
    )
    .refine((e) => Object.keys(e).length <= 200, "may hold at most 200 variables")
    .superRefine((e, ctx) => {
      for (const key of Object.keys(e)) {
        if (RESERVED_ENV.test(key)) ctx.addIssue({ code: "custom", path: [key], message: `is set by Benchtop for every job and cannot be overridden` });
      }
    });

export const ZJobEnv = envRecord();
/** `--secret-env K=V`: stored encrypted, given only to the agent, never shown again (names only). */
export const ZSecretEnv = envRecord();

export const ZJobPriority = z.enum(["low", "normal", "high"]);

/** A dataset to attach (`--data name[:version][@stream]`): its files appear at BENCHTOP_DATASET_<NAME>. */
export const ZJobDatasetAttachment = z.object({
  name: z.string().trim().min(1, "is required").max(63, "must be at most 63 characters"),
  /** A snapshot's version to read; absent or null = the dataset as it is now (frozen at submit). */
  version: z.number().int("must be a whole number").min(1, "must be 1 or more").nullable().optional(),
  mode: z.enum(["copy", "stream"]).default("copy"),
});
export type TJobDatasetAttachment = z.input<typeof ZJobDatasetAttachment>;

export { datasetEnvName } from "../../lib/dataset-env";

export const ZSubmitJobInput = z.object({
  projectSlug: z.string().min(1),
  name: z.string().trim().max(200, "must be at most 200 characters").optional(),
  /** Required unless `notebook` is given (submitJob checks that exactly one of them is). */
  command: z.string().trim().max(10_000, "must be at most 10,000 characters").default(""),
  /** Run this notebook (a .ipynb path in the job's files) headless instead of a command; the executed copy is an artifact. */
  notebook: z
    .string()
    .trim()
    .min(1, "is required")
    .max(1000, "must be at most 1000 characters")
    .regex(/\.ipynb$/i, "must be a .ipynb file")
    .refine((p) => !p.startsWith("/") && !p.split("/").some((s) => s === ".." || s === "." || s === ""), "must be a path inside the project")
    .optional(),
  /** From `benchtop submit` (an uploaded directory); absent = the project's files as stored. */
  snapshotId: z.string().regex(/^[a-f0-9]{64}$/, "must be a snapshot id").optional(),
  gpus: z.number().int("must be a whole number").min(0, "cannot be negative").max(64, "must be at most 64").default(0),
  gpuType: z.string().trim().min(1).max(64).nullable().optional(),
  nodes: z.number().int("must be a whole number").min(1, "must be at least 1").max(64, "must be at most 64").default(1),
  maxRuntimeSeconds: z
    .number()
    .int()
    .min(1, "must be at least 1 second")
    .max(30 * 24 * 3600, "must be at most 30 days")
    .default(24 * 3600),
  priority: ZJobPriority.default("normal"),
  retries: z.number().int().min(0, "cannot be negative").max(10, "must be at most 10").default(0),
  env: ZJobEnv.default({}),
  /** Left out on a re-run: the secrets of the job it repeats are kept. */
  secretEnv: ZSecretEnv.optional(),
  pools: z.array(z.string().min(1).max(63)).max(10).default([]),
  graceSeconds: z.number().int().min(0).max(600, "must be at most 600 seconds").default(30),
  /** Absent on a re-run: the same datasets at the same versions as the job it repeats. */
  datasets: z.array(ZJobDatasetAttachment).max(20, "may hold at most 20 datasets").optional(),
});
export type TSubmitJobInput = z.input<typeof ZSubmitJobInput>;

export const ZJobState = z.enum(["queued", "starting", "running", "succeeded", "failed", "cancelled", "timed_out"]);
export type TJobState = z.infer<typeof ZJobState>;
export const FINAL_STATES: readonly TJobState[] = ["succeeded", "failed", "cancelled", "timed_out"];

/** Money as every answer gives it (server/costs/money.ts): exact, never a float. */
export const ZMoney = z.object({
  amount: z.string().meta({ description: "A decimal string in the currency's minor unit", example: "4.20" }),
  currency: z.string().meta({ description: "ISO 4217", example: "USD" }),
});

export const ZJobSummary = z.object({
  id: z.string(),
  name: z.string(),
  projectSlug: z.string(),
  projectName: z.string(),
  submittedBy: z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }),
  command: z.string(),
  state: ZJobState,
  stateReason: z.string(),
  nodes: z.number().int(),
  gpus: z.number().int(),
  gpuType: z.string().nullable(),
  priority: ZJobPriority,
  queuePosition: z.number().int().nullable(),
  estimatedStartAt: z.date().nullable(),
  attemptCount: z.number().int(),
  exitCode: z.number().int().nullable(),
  submittedAt: z.date(),
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  /** Why a queued job waits for a person rather than capacity ("held: project demo has spent ..."); null otherwise. */
  heldReason: z.string().nullable(),
  /** The sum of its attempts' ledger entries, metered each minute while it runs (so far, while it runs). */
  cost: ZMoney,
  /** Seeded demo history, never run. */
  seeded: z.boolean(),
});
export type TJobSummary = z.infer<typeof ZJobSummary>;

export const ZAttempt = z.object({
  number: z.number().int(),
  state: z.enum(["assigned", "running", "succeeded", "failed", "cancelled", "timed_out", "lost", "refused"]),
  reason: z.string(),
  exitCode: z.number().int().nullable(),
  assignedAt: z.date(),
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  nodes: z.array(z.object({ nodeRank: z.number().int(), agent: z.string(), gpuIndices: z.array(z.number().int()), simulated: z.boolean() })),
});

export const ZJobDetail = ZJobSummary.extend({
  maxRuntimeSeconds: z.number().int(),
  maxRetries: z.number().int(),
  graceSeconds: z.number().int(),
  /** Every variable's name; its value, or null when the caller may not see values (envMasked). */
  env: z.record(z.string(), z.string().nullable()),
  /** True when the values in env are hidden from the caller: only the submitter, project owners and lab directors see them. */
  envMasked: z.boolean(),
  /** The names of the job's secret variables; their values are never shown to anyone. */
  secretEnvNames: z.array(z.string()),
  pools: z.array(z.string()),
  snapshotId: z.string(),
  logLineCount: z.number().int(),
  cancelRequestedAt: z.date().nullable(),
  rerunOfId: z.string().nullable(),
  attempts: z.array(ZAttempt),
  /** What each attached dataset was frozen as: the version the job read. */
  datasets: z.array(
    z.object({
      name: z.string(),
      mode: z.enum(["copy", "stream"]),
      requestedVersion: z.number().int().nullable(),
      version: z.number().int().nullable(),
      objectCount: z.number().int().nullable(),
      totalBytes: z.number().int().nullable(),
      envName: z.string(),
    }),
  ),
});
export type TJobDetail = z.infer<typeof ZJobDetail>;

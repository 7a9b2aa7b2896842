// The submit form's values: defaults, a job's values for "re-run with changes", checks that
// need no server, and the input for jobs.submit.
import { durationSeconds, formatRuntimeLimit, parseDuration } from "@/lib/duration";
import type { RouterInputs, TJob } from "@/components/trpc/router-types";
import type { FieldErrors } from "@/lib/trpc-errors";

export type Priority = "low" | "normal" | "high";
/**
 * A variable of the form. secret: sent as --secret-env (encrypted, never shown again). kept: on a
 * "re-run with changes", the value is the re-run job's, which this person may not see; it is sent
 * as null and the server keeps it (until the value is typed anew).
 */
export type EnvRow = { id: number; key: string; value: string; secret: boolean; kept: boolean };
/** An attached dataset: `version` is "latest" (frozen at submit) or a snapshot's number. */
export type DatasetRow = { id: number; name: string; version: string; mode: "copy" | "stream" };

export type JobFormValues = {
  command: string;
  /** A .ipynb path: the job runs this notebook headless instead of a command ("Run as job" in a notebook). */
  notebook: string | null;
  name: string;
  gpus: string;
  /** null: any type. */
  gpuType: string | null;
  nodes: string;
  maxRuntime: string;
  priority: Priority;
  retries: string;
  env: EnvRow[];
  datasets: DatasetRow[];
};

export const RUNTIME_PRESETS = ["30m", "1h", "4h", "12h", "1d", "3d"] as const;

let nextRowId = 1;
export const envRow = (key = "", value = "", opts: { secret?: boolean; kept?: boolean } = {}): EnvRow => ({
  id: nextRowId++,
  key,
  value,
  secret: opts.secret ?? false,
  kept: opts.kept ?? false,
});
export const datasetRow = (name = "", version = "latest", mode: DatasetRow["mode"] = "copy"): DatasetRow => ({ id: nextRowId++, name, version, mode });

export function defaultValues(prefill: { command?: string; name?: string; notebook?: string } = {}): JobFormValues {
  return {
    command: prefill.command ?? "",
    notebook: prefill.notebook || null,
    name: prefill.name ?? "",
    gpus: "1",
    gpuType: null,
    nodes: "1",
    maxRuntime: "1d",
    priority: "normal",
    retries: "0",
    env: [],
    datasets: [],
  };
}

/** A finished or running job's settings, to submit again with changes. */
export function valuesFromJob(job: TJob): JobFormValues {
  return {
    command: job.command,
    notebook: null,
    name: job.name === job.command.slice(0, 80) ? "" : job.name,
    gpus: String(job.gpus),
    gpuType: job.gpuType,
    nodes: String(job.nodes),
    maxRuntime: formatRuntimeLimit(job.maxRuntimeSeconds),
    priority: job.priority,
    retries: String(job.maxRetries),
    env: [
      ...Object.entries(job.env).map(([key, value]) => (value === null ? envRow(key, "", { kept: true }) : envRow(key, value))),
      ...job.secretEnvNames.map((key) => envRow(key, "", { secret: true, kept: true })),
    ],
    // Pinned at the versions the job read, so a re-run with changes reads the same data unless changed here.
    datasets: job.datasets.map((d) => datasetRow(d.name, d.version === null ? "latest" : String(d.version), d.mode)),
  };
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const RESERVED_ENV = /^(BENCHTOP_|CUDA_VISIBLE_DEVICES$|MASTER_ADDR$|MASTER_PORT$|WORLD_SIZE$|NODE_RANK$)/;

/** What can be said before asking the server; messages follow the field's label. */
export function checkValues(v: JobFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (v.notebook === null && !v.command.trim()) errors.command = ["is required"];
  if (v.notebook !== null && !/\.ipynb$/i.test(v.notebook.trim())) errors.notebook = ["must be a .ipynb file"];
  const whole = (field: keyof JobFormValues & string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (text.trim() === "" || !Number.isInteger(n)) errors[field] = ["must be a whole number"];
    else if (n < min) errors[field] = [`must be at least ${min}`];
    else if (n > max) errors[field] = [`must be at most ${max}`];
  };
  whole("gpus", v.gpus, 0, 64);
  whole("nodes", v.nodes, 1, 64);
  whole("retries", v.retries, 0, 10);
  const runtime = parseDuration(v.maxRuntime);
  if (!runtime.ok) errors.maxRuntime = [runtime.problem];
  else if (runtime.seconds < 1) errors.maxRuntime = ["must be at least 1 second"];
  else if (runtime.seconds > 30 * 86_400) errors.maxRuntime = ["must be at most 30 days"];
  const seen = new Set<string>();
  for (const row of v.env) {
    const key = row.key.trim();
    if (!key && !row.value) continue;
    const problem = !key
      ? "needs a name"
      : !ENV_KEY.test(key)
        ? `“${key}” is not a variable name (letters, digits and _, not starting with a digit)`
        : RESERVED_ENV.test(key)
          ? `${key} is set by Benchtop for every job and cannot be overridden`
          : seen.has(key)
            ? `${key} is given twice`
            : null;
    if (problem) errors[`env.${row.id}`] = [problem];
    seen.add(key);
  }
  const attached = new Set<string>();
  for (const row of v.datasets) {
    const problem = !row.name ? "needs a dataset" : attached.has(row.name) ? `${row.name} is attached twice` : null;
    if (problem) errors[`datasets.${row.id}`] = [problem];
    attached.add(row.name);
  }
  return errors;
}

export type SubmitInput = RouterInputs["jobs"]["submit"];

export function toSubmitInput(projectSlug: string, v: JobFormValues, rerunOfId?: string): SubmitInput {
  const rows = v.env.filter((r) => r.key.trim());
  const pairs = (secret: boolean) => Object.fromEntries(rows.filter((r) => r.secret === secret).map((r) => [r.key.trim(), r.kept ? null : r.value]));
  const env = pairs(false);
  const secretEnv = pairs(true);
  return {
    projectSlug,
    ...(v.notebook !== null ? { command: "", notebook: v.notebook.trim() } : { command: v.command.trim() }),
    name: v.name.trim() || undefined,
    gpus: Number(v.gpus),
    gpuType: v.gpuType,
    nodes: Number(v.nodes),
    maxRuntimeSeconds: durationSeconds(v.maxRuntime) ?? 86_400,
    priority: v.priority,
    retries: Number(v.retries),
    env,
    // On a re-run the secrets are the whole set (a kept one is null; one removed here is dropped).
    ...(rerunOfId || Object.keys(secretEnv).length ? { secretEnv } : {}),
    datasets: v.datasets.map((d) => ({ name: d.name, version: d.version === "latest" ? null : Number(d.version), mode: d.mode })),
    ...(rerunOfId ? { rerunOfId } : {}),
  };
}

/** The server names maxRuntimeSeconds; the form calls that field maxRuntime. */
export function formFieldErrors(server: FieldErrors): FieldErrors {
  const { maxRuntimeSeconds, ...rest } = server;
  return maxRuntimeSeconds ? { ...rest, maxRuntime: maxRuntimeSeconds } : rest;
}

/** "2 × A100 on 1 node, for at most 4h": what the form asks for, in one line. */
export function summaryOf(v: JobFormValues): string {
  const gpus = Number(v.gpus);
  const nodes = Number(v.nodes);
  const runtime = durationSeconds(v.maxRuntime);
  if (!Number.isInteger(gpus) || !Number.isInteger(nodes) || nodes < 1) return "";
  const what = gpus === 0 ? "A CPU slot" : `${gpus} × ${v.gpuType ?? (gpus === 1 ? "any GPU" : "any GPUs")}`;
  const where = nodes === 1 ? "on 1 node" : `on each of ${nodes} nodes`;
  return `${what} ${where}${runtime ? `, for at most ${formatRuntimeLimit(runtime)}` : ""}${v.priority !== "normal" ? `, ${v.priority} priority` : ""}.`;
}

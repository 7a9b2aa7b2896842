import fs from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { answer, CliError, rest, type Answer } from "../client";
import { defaultProject, resolveConfig, resolveProject, type CliConfig } from "../config";
import { parseDataOption } from "../data-option";
import { parseGpusOption } from "../gpus-option";
import { parseDuration } from "../../lib/duration";
import { formatDuration } from "../../lib/format-duration";
import { shellJoin } from "../../lib/shell";
import { formatBytes } from "../../lib/format-bytes";
import { formatMoney } from "../../lib/format-money";
import { uploadSnapshot } from "../snapshot";
import { printTable, relativeTime } from "../table";

type Job = Answer<"/jobs/{jobId}", "get">;

const FINAL: readonly string[] = ["succeeded", "failed", "cancelled", "timed_out"];

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerJobCommands(program: Command) {
  const config = () => resolveConfig(program.opts());

  program
    .command("submit")
    .description("Queue a job on the current directory (respecting .gitignore). Prints the job id on stdout.")
    .option("-p, --project <slug>", "the project (default: BENCHTOP_PROJECT or `benchtop config set project`)")
    .option("--gpus <n|type:n>", "GPUs per node: a count, or TYPE:COUNT (A100:2)", "0")
    .option("--gpu-type <model>", "only this GPU model (e.g. A100)")
    .option("--nodes <n>", "machines, all started at once (torchrun across them)", "1")
    .option("--max-runtime <duration>", "stop it after this long: 90m, 2h30m, 1d 12h (a unit is required)", "24h")
    .option("--grace <duration>", "between SIGTERM and SIGKILL when it is stopped (cancel, max runtime, a lost agent): 30s, 2m", "30s")
    .addOption(new Option("--priority <class>", "queue priority (high needs an owner or director)").choices(["low", "normal", "high"]).default("normal"))
    .option("--retries <n>", "retry a failed attempt this many times", "0")
    .option("--env <K=V>", "an environment variable for the job (repeatable)", collect, [])
    .option("--secret-env <K=V>", "a secret variable: stored encrypted, given only to the job, never shown again (repeatable)", collect, [])
    .option("--pool <name>", "only this pool of capacity (repeatable)", collect, [])
    .option("--data <name[:version][@stream]>", "attach a dataset at $BENCHTOP_DATASET_<NAME>: its latest or a pinned version, copied first or streamed (repeatable)", collect, [])
    .option("--name <name>", "a name to know it by (default: the command)")
    .option("--workdir <dir>", "the directory to send (default: the current one)")
    .option("--project-files", "run on the project's files as stored in Benchtop instead of a local directory")
    .option("--notebook <path>", "run this notebook headless instead of a command; the executed notebook is among its artifacts")
    .option("--dry-run", "print what it would cost (at most, and as expected from your past runs) and whether a budget would hold it; submit nothing")
    .argument("[command...]", "the command, after -- (none with --notebook)")
    .action(async (words: string[], opts) => {
      const project = await resolveProject(opts.project);
      const int = (v: string, name: string) => {
        if (!/^\d+$/.test(v)) throw new CliError(`--${name} must be a whole number, not "${v}".`, 2);
        return Number(v);
      };
      const runtime = parseDuration(opts.maxRuntime);
      if (!runtime.ok) throw new CliError(`--max-runtime "${opts.maxRuntime}" ${runtime.problem}.`, 2);
      const maxRuntimeSeconds = runtime.seconds;
      const grace = parseDuration(opts.grace);
      if (!grace.ok) throw new CliError(`--grace "${opts.grace}" ${grace.problem}.`, 2);
      const pairs = (flag: string, given: string[]) => {
        const out: Record<string, string> = {};
        for (const pair of given) {
          const eq = pair.indexOf("=");
          // A secret's value is never echoed back, not even in a complaint about it.
          if (eq <= 0) throw new CliError(`--${flag} "${flag === "secret-env" ? "…" : pair}" must look like NAME=value.`, 2);
          out[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
        return out;
      };
      const env = pairs("env", opts.env as string[]);
      const secretEnv = pairs("secret-env", opts.secretEnv as string[]);
      const datasets = (opts.data as string[]).map(parseDataOption);
      const gpus = parseGpusOption(opts.gpus, opts.gpuType);
      if (opts.notebook && words.length) throw new CliError("Give either --notebook or a command after --, not both.", 2);
      if (!opts.notebook && !words.length) throw new CliError("Give the command after -- (benchtop submit -p demo -- python3 train.py), or --notebook PATH.", 2);
      // A local notebook's path is taken relative to the directory sent; with --project-files it is the project's path.
      const notebook = opts.notebook && !opts.projectFiles ? path.relative(path.resolve(opts.workdir ?? "."), path.resolve(opts.notebook)).split(path.sep).join("/") : opts.notebook;
      const c = await config();
      const spec = {
        command: words.length ? shellJoin(words) : undefined,
        notebook,
        name: opts.name,
        ...gpus,
        nodes: int(opts.nodes, "nodes"),
        maxRuntimeSeconds,
        graceSeconds: grace.seconds,
        priority: opts.priority,
        retries: int(opts.retries, "retries"),
        env,
        pools: opts.pool,
      };
      if (opts.dryRun) {
        const estimate = await answer(rest(c).POST("/projects/{projectSlug}/jobs/estimate", { params: { path: { projectSlug: project } }, body: spec }));
        const sentence = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}.`;
        return void process.stdout.write(`${sentence(estimate.sentence)}\n${sentence(estimate.start)}\nNothing was submitted (--dry-run).\n`);
      }
      let snapshotId: string | undefined;
      if (!opts.projectFiles) {
        const root = path.resolve(opts.workdir ?? ".");
        await fs.access(root).catch(() => {
          throw new CliError(`The directory ${root} does not exist.`, 2);
        });
        snapshotId = await uploadSnapshot(c, project, root, (m) => process.stderr.write(`benchtop: ${m}\n`));
      }
      const job = await answer(rest(c).POST("/jobs", {
        body: { projectSlug: project, ...spec, snapshotId, ...(Object.keys(secretEnv).length ? { secretEnv } : {}), datasets },
      }));
      process.stderr.write(job.heldReason ? `benchtop: queued ${job.url}, but ${job.heldReason} (an owner or director can approve it: benchtop approve ${job.id})\n` : `benchtop: queued ${job.url}\n`);
      process.stdout.write(job.id + "\n");
    });

  program
    .command("jobs")
    .description("List recent jobs of the default project, or of all your projects")
    .option("-p, --project <slug>", "the project (default: BENCHTOP_PROJECT or `benchtop config set project`; without one, all your projects)")
    .option("-A, --all-projects", "every project of yours, even with a default project set")
    .option("--state <states>", "comma-separated: queued,running,...")
    .option("--mine", "only jobs you submitted")
    .option("--limit <n>", "how many", "30")
    .option("--json", "print JSON")
    .action(async (opts) => {
      const c = await config();
      if (!/^\d+$/.test(opts.limit) || Number(opts.limit) < 1) throw new CliError(`--limit must be a whole number from 1, not "${opts.limit}".`, 2);
      if (opts.project && opts.allProjects) throw new CliError("Give -p or --all-projects, not both.", 2);
      const project = opts.allProjects ? undefined : await defaultProject(opts.project);
      const query = { project, state: opts.state, mine: opts.mine ? ("true" as const) : undefined, limit: Number(opts.limit) };
      const { jobs } = await answer(rest(c).GET("/jobs", { params: { query } }));
      if (opts.json) return void process.stdout.write(JSON.stringify(jobs, null, 2) + "\n");
      if (!jobs.length) {
        return void process.stdout.write(project ? `Project ${project} has no jobs yet. Submit one with \`benchtop submit -p ${project} -- COMMAND\`.\n` : "No jobs yet. Submit one with `benchtop submit --project SLUG -- COMMAND`.\n");
      }
      printTable(
        ["ID", "STATE", "PROJECT", "GPUS", "NAME", "SUBMITTED", "COST", "WHY"],
        jobs.map((j) => [j.id, j.state, j.projectSlug, gpuText(j), j.name.slice(0, 40), relativeTime(j.submittedAt), j.startedAt ? formatMoney(j.cost) : "-", (j.seeded ? "seeded history" : j.stateReason).slice(0, 60)]),
      );
    });

  program
    .command("status")
    .description("A job's state, why, and its attempts")
    .argument("<job-id>")
    .option("--json", "print JSON")
    .action(async (id: string, opts) => {
      const c = await config();
      const job = await answer(rest(c).GET("/jobs/{jobId}", { params: { path: { jobId: id } } }));
      if (opts.json) return void process.stdout.write(JSON.stringify(job, null, 2) + "\n");
      const lines = [
        `${job.name}  (${job.id})`,
        `  state:     ${job.state}${job.exitCode !== null ? ` (exit ${job.exitCode})` : ""} — ${job.stateReason}`,
        `  project:   ${job.projectSlug}    submitted by ${job.submittedBy.name ?? job.submittedBy.email}, ${relativeTime(job.submittedAt)}`,
        `  resources: ${gpuText(job)}`,
        `  cost:      ${job.cost.amount} ${job.cost.currency}${job.state === "running" || job.state === "starting" ? " so far" : ""}`,
      ];
      if (job.seeded) lines.push("  seeded:    demo history, made up to fill the cost charts; it never ran");
      if (job.heldReason) lines.push(`  held:      ${job.heldReason} (an owner or director can release it: benchtop approve ${job.id})`);
      if (job.state === "queued") {
        lines.push(`  queue:     position ${job.queuePosition ?? "?"}${job.estimatedStartAt ? `, estimated start ${new Date(job.estimatedStartAt).toLocaleString()}` : ""}`);
      }
      const env = Object.entries(job.env ?? {});
      if (env.length || job.secretEnvNames?.length) {
        const shown = env.map(([k, v]) => (v === null ? `${k}=(hidden)` : `${k}=${v}`));
        const secrets = (job.secretEnvNames ?? []).map((k) => `${k} (secret)`);
        lines.push(`  env:       ${[...shown, ...secrets].join("  ")}`);
      }
      for (const d of job.datasets ?? []) {
        const size = d.objectCount === null ? "" : `, ${d.objectCount.toLocaleString("en-US")} files, ${formatBytes(d.totalBytes ?? 0)}`;
        lines.push(`  dataset:   ${d.name} v${d.version ?? "?"} (${d.mode}${size}) at $${d.envName}`);
      }
      for (const a of job.attempts ?? []) {
        const where = a.nodes.map((n) => `${n.agent}${n.gpuIndices.length ? ` GPUs ${n.gpuIndices.join(",")}` : ""}${n.simulated ? " (simulated)" : ""}`).join("; ");
        const took = a.startedAt ? formatDuration((a.endedAt ? Date.parse(a.endedAt) : Date.now()) - Date.parse(a.startedAt)) : "";
        lines.push(`  attempt ${a.number}: ${a.state}${took ? ` after ${took}` : ""} on ${where}${a.reason ? ` — ${a.reason}` : ""}`);
      }
      lines.push(`  url:       ${c.url}/jobs/${job.id}`);
      process.stdout.write(lines.join("\n") + "\n");
    });

  program
    .command("logs")
    .description("Print a job's log; --follow keeps printing until it ends")
    .argument("<job-id>")
    .option("-f, --follow", "follow new lines until the job ends")
    .action(async (id: string, opts) => {
      const c = await config();
      let from = 0;
      for (;;) {
        const page = await answer(rest(c).GET("/jobs/{jobId}/logs", { params: { path: { jobId: id }, query: { from, limit: 20_000, ...(opts.follow ? { waitMs: 25_000 } : {}) } } }));
        if (page.lines.length) process.stdout.write(page.lines.map((l) => l.text).join("\n") + "\n");
        from = page.next;
        const caughtUp = from >= page.total;
        if (caughtUp && (!opts.follow || FINAL.includes(page.state))) break;
      }
    });

  program
    .command("cancel")
    .description("Cancel a job (SIGTERM, then SIGKILL after its grace period)")
    .argument("<job-id>")
    .action(async (id: string) => {
      const c = await config();
      const { state } = await answer(rest(c).POST("/jobs/{jobId}/cancel", { params: { path: { jobId: id } } }));
      process.stdout.write(
        state === "cancelled"
          ? `Cancelled ${id}.\n`
          : FINAL.includes(state)
            ? `${id} had already ended (${state}); nothing to cancel.\n`
            : `Cancelling ${id}: its agents are stopping it.\n`,
      );
    });

  program
    .command("wait")
    .description("Wait until a job ends; exit with its own exit code (0 when it succeeded), as sbatch --wait does")
    .argument("<job-id>")
    .action(async (id: string) => {
      const c = await config();
      const job = await waitForEnd(c, id);
      process.stderr.write(`benchtop: ${id} ${job.state}${job.stateReason ? ` — ${job.stateReason}` : ""}\n`);
      process.exit(exitStatusOf(job));
    });

  program
    .command("artifacts")
    .description("List a job's artifacts (files it left in BENCHTOP_OUTPUT_DIR); --download DIR saves them")
    .argument("<job-id>")
    .option("--download <dir>", "save every artifact under this directory")
    .action(async (id: string, opts) => {
      const c = await config();
      const { artifacts } = await answer(rest(c).GET("/jobs/{jobId}/artifacts", { params: { path: { jobId: id } } }));
      if (!opts.download) {
        if (!artifacts.length) return void process.stdout.write("No artifacts (the job wrote nothing to $BENCHTOP_OUTPUT_DIR).\n");
        return void printTable(["PATH", "SIZE"], artifacts.map((a) => [a.path, formatBytes(a.sizeBytes)]));
      }
      for (const a of artifacts) {
        const target = path.join(opts.download, a.path);
        if (!path.resolve(target).startsWith(path.resolve(opts.download) + path.sep)) throw new CliError(`Refusing the artifact path "${a.path}".`);
        const res = await fetch(`${c.url}/api/v1/jobs/${encodeURIComponent(id)}/artifacts/download?path=${encodeURIComponent(a.path)}`, {
          headers: { authorization: `Bearer ${c.token}` },
        });
        if (!res.ok) throw new CliError(`Downloading ${a.path} failed with status ${res.status}.`);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, Buffer.from(await res.arrayBuffer()));
        process.stderr.write(`benchtop: saved ${target}\n`);
      }
    });
}

function gpuText(j: Pick<Job, "gpus" | "nodes" | "gpuType">): string {
  const per = j.gpus ? `${j.gpus}${j.gpuType ? ` ${j.gpuType}` : ""} GPU${j.gpus > 1 ? "s" : ""}` : "CPU";
  return j.nodes > 1 ? `${j.nodes} nodes × ${per}` : per;
}

/**
 * `benchtop wait`'s exit status: the job's own exit code when it ran to an end (0 when it
 * succeeded); 124 when it ran past its max runtime (as GNU timeout); 130 when it was cancelled (as
 * a command stopped with Ctrl+C); 1 when it failed without an exit code (killed, lost, never started).
 */
export function exitStatusOf(job: Pick<Job, "state" | "exitCode">): number {
  if (job.state === "succeeded") return 0;
  if (job.state === "timed_out") return 124;
  if (job.state === "cancelled") return 130;
  return job.exitCode !== null && job.exitCode > 0 && job.exitCode < 256 ? job.exitCode : 1;
}

/** Past any log's last line: the logs long poll then answers only when the job ends (or after waitMs). */
const PAST_EVERY_LINE = 1_000_000_000;

async function waitForEnd(c: CliConfig, id: string): Promise<Job> {
  // One long poll at a time, each up to a minute: the server wakes on the job's own notifications
  // and answers when it ends, however many lines it logs meanwhile.
  for (;;) {
    const page = await answer(rest(c).GET("/jobs/{jobId}/logs", { params: { path: { jobId: id }, query: { from: PAST_EVERY_LINE, limit: 1, waitMs: 60_000 } } }));
    if (FINAL.includes(page.state)) return answer(rest(c).GET("/jobs/{jobId}", { params: { path: { jobId: id } } }));
  }
}

import type { Command } from "commander";
import { answer, CliError, rest } from "../client";
import { formatMoney } from "../../lib/format-money";
import type { paths } from "../api/openapi";
import { resolveConfig, resolveProject } from "../config";

/** A budget as GET /projects/{slug}/budget answers it (types from the OpenAPI document). */
type Budget = NonNullable<paths["/projects/{projectSlug}/budget"]["get"]["responses"][200]["content"]["application/json"]["budget"]>;

function describe(b: Budget): string {
  const who = b.project ? `Project ${b.project}` : "The lab";
  const last = new Date(new Date(b.periodEnd).getTime() - 86_400_000).toISOString().slice(0, 10);
  const period = b.period === "month" ? `monthly (${b.periodStart.slice(0, 7)})` : `${b.periodStart.slice(0, 10)} to ${last}`;
  return (
    `${who}: ${formatMoney(b.amount)} ${period}; spent ${formatMoney(b.spent)} (${b.percent} %), ${formatMoney(b.left)} left.\n` +
    `Alerts at ${b.thresholds.join(", ")} %; at 100 %: ${b.policy === "warn" ? "warn only" : b.policy === "hold" ? "hold new jobs" : "hold new jobs and stop running ones"}.\n`
  );
}

export function registerBudgetCommands(program: Command) {
  const config = () => resolveConfig(program.opts());
  const budget = program.command("budget").description("A project's (or the lab's) budget: show what is spent and left; set it (owners, directors)");

  budget
    .command("show", { isDefault: true })
    .description("The budget, what it spent this period and what is left")
    .option("-p, --project <slug>", "the project (default: BENCHTOP_PROJECT or `benchtop config set project`)")
    .option("--lab", "the lab's budget (directors, admins)")
    .option("--json", "print JSON")
    .action(async (opts: { project?: string; lab?: boolean; json?: boolean }) => {
      const client = rest(await config());
      const project = opts.lab ? null : await resolveProject(opts.project);
      const { budget: b } = project
        ? await answer(client.GET("/projects/{projectSlug}/budget", { params: { path: { projectSlug: project } } }))
        : await answer(client.GET("/budget"));
      if (opts.json) return void process.stdout.write(JSON.stringify(b, null, 2) + "\n");
      if (!b) return void process.stdout.write(`${project ? `Project ${project}` : "The lab"} has no budget. Set one with \`benchtop budget set ${project ? `--project ${project} ` : "--lab "}--amount 400\`.\n`);
      process.stdout.write(describe(b));
    });

  budget
    .command("set")
    .description("Set the budget: an amount each month, or until a date")
    .option("-p, --project <slug>", "the project (default: BENCHTOP_PROJECT or `benchtop config set project`)")
    .option("--lab", "the lab's budget (directors, admins)")
    .requiredOption("--amount <amount>", "in the lab's currency, e.g. 400")
    .option("--period <month>", "monthly (the default)")
    .option("--until <date>", "a fixed span ending on this day (YYYY-MM-DD)")
    .option("--from <date>", "with --until: the first day (default today)")
    .option("--thresholds <list>", "percentages that alert, e.g. 50,80,100")
    .option("--policy <warn|hold|stop>", "at 100 %: warn, hold new jobs, or also stop running ones")
    .action(async (opts: { project?: string; lab?: boolean; amount: string; period?: string; until?: string; from?: string; thresholds?: string; policy?: string }) => {
      if (opts.period && opts.period !== "month") throw new CliError(`--period takes month, not "${opts.period}"; for a fixed span use --until YYYY-MM-DD.`, 2);
      if (opts.period && opts.until) throw new CliError("Give --period month or --until DATE, not both.", 2);
      if (opts.policy && !["warn", "hold", "stop"].includes(opts.policy)) throw new CliError(`--policy takes warn, hold or stop, not "${opts.policy}".`, 2);
      const thresholds = opts.thresholds?.split(",").map((t) => Number(t.trim()));
      if (thresholds?.some((t) => !Number.isInteger(t))) throw new CliError(`--thresholds takes whole percentages like 50,80,100, not "${opts.thresholds}".`, 2);
      const body = { amount: opts.amount, until: opts.until ?? null, startsAt: opts.from ?? null, thresholds, policy: opts.policy as "warn" | "hold" | "stop" | undefined };
      const client = rest(await config());
      const project = opts.lab ? null : await resolveProject(opts.project);
      const { budget: b } = project
        ? await answer(client.PUT("/projects/{projectSlug}/budget", { params: { path: { projectSlug: project } }, body }))
        : await answer(client.PUT("/budget", { body }));
      process.stdout.write(describe(b!)); // a PUT answers the budget it set; the schema is GET's, where none may exist
    });

  program
    .command("approve")
    .description("Approve a job held by its budget (owners, directors); it then runs")
    .argument("<job>", "the job's id")
    .action(async (jobId: string) => {
      await answer(rest(await config()).POST("/jobs/{jobId}/approve", { params: { path: { jobId } } }));
      process.stdout.write(`Approved job ${jobId}; it runs when the queue places it.\n`);
    });
}

import type { Command } from "commander";
import { answer, CliError, rest } from "../client";
import { formatMoney } from "../../lib/format-money";
import type { paths } from "../api/openapi";
import { resolveConfig } from "../config";
import { printTable } from "../table";

type Query = NonNullable<paths["/costs"]["get"]["parameters"]["query"]>;
type GroupBy = NonNullable<Query["groupBy"]>;
const BY: Record<string, GroupBy> = { project: "project", person: "person", pool: "pool", "gpu-type": "gpuType", gputype: "gpuType", day: "day", job: "job" };
const HEADING: Record<GroupBy, string> = { project: "PROJECT", person: "PERSON", pool: "POOL", gpuType: "GPU TYPE", day: "DAY", job: "JOB" };

export function registerCostsCommands(program: Command) {
  const config = () => resolveConfig(program.opts());
  program
    .command("costs")
    .description("What was spent, grouped (default: this month by project); directors see the lab, others their own and their projects'")
    .option("--by <group>", "project, person, pool, gpu-type, day or job", "project")
    .option("--from <date>", "first day (YYYY-MM-DD, UTC); default the first of this month")
    .option("--to <date>", "end day, not included (YYYY-MM-DD, UTC); default the first of the next month")
    .option("-p, --project <slug>", "only this project")
    .option("--person <email>", "only this person")
    .option("--pool <name>", "only this pool")
    .option("--csv", "print CSV (a header row, a row a group, a total row)")
    .option("--json", "print JSON")
    .action(async (opts: { by: string; from?: string; to?: string; project?: string; person?: string; pool?: string; csv?: boolean; json?: boolean }) => {
      const groupBy = BY[opts.by.toLowerCase()];
      if (!groupBy) throw new CliError(`--by takes project, person, pool, gpu-type, day or job, not "${opts.by}".`, 2);
      const query: Query = { groupBy, from: opts.from, to: opts.to, project: opts.project, person: opts.person, pool: opts.pool };
      const client = rest(await config());
      if (opts.csv) {
        const { data } = await client.GET("/costs.csv", { params: { query }, parseAs: "text" });
        return void process.stdout.write(String(data));
      }
      const r = await answer(client.GET("/costs", { params: { query } }));
      if (opts.json) return void process.stdout.write(JSON.stringify(r, null, 2) + "\n");
      const last = new Date(new Date(r.to).getTime() - 1).toISOString().slice(0, 10);
      const span = `${r.from.slice(0, 10)} to ${last}${opts.project ? `, project ${opts.project}` : ""}${r.scope === "own" ? " (your own spend and your projects')" : ""}`;
      if (r.groups.length === 0) {
        return void process.stdout.write(`Nothing was spent ${span}. Spend appears once pools have rates (\`benchtop rates\`) and jobs run.\n`);
      }
      const amounts = r.groups.map((g) => formatMoney(g.amount)).concat(formatMoney(r.total.amount));
      const hours = r.groups.map((g) => g.gpuHours.toFixed(2)).concat(r.total.gpuHours.toFixed(2));
      const wa = Math.max(...amounts.map((a) => a.length), "AMOUNT".length);
      const wh = Math.max(...hours.map((h) => h.length), "GPU-H".length);
      const rows = r.groups.map((g, i) => [g.label + (g.seeded ? " *" : ""), amounts[i]!.padStart(wa), hours[i]!.padStart(wh)]);
      if (r.omitted > 0) rows.push([`(${r.omitted} smaller not listed)`, "", ""]);
      rows.push(["TOTAL", amounts.at(-1)!.padStart(wa), hours.at(-1)!.padStart(wh)]);
      process.stdout.write(`Spend ${span}, by ${opts.by}:\n`);
      printTable([HEADING[groupBy], "AMOUNT".padStart(wa), "GPU-H".padStart(wh)], rows);
      if (r.includesSeeded) process.stdout.write("* includes the demo's seeded history (not work that ran).\n");
    });
}

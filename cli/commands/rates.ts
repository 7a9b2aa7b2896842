import type { Command } from "commander";
import { answer, CliError, rest } from "../client";
import type { paths } from "../api/openapi";
import { resolveConfig } from "../config";
import { printTable } from "../table";

type Rate = paths["/rates"]["get"]["responses"][200]["content"]["application/json"]["current"][number];

const KIND = { owned: "owned", on_demand: "on-demand", spot: "spot" } as const;
const day = (iso: string | Date) => new Date(iso).toISOString().slice(0, 16).replace("T", " ").replace(" 00:00", "");

function rows(rates: Rate[]): string[][] {
  return rates.map((r) => [
    r.pool,
    r.gpuType ?? "CPU slot",
    KIND[r.kind],
    `${r.hourly} ${r.currency}/h`,
    day(r.effectiveFrom),
    r.source || (r.amortisation ? `${r.amortisation.purchasePrice} over ${r.amortisation.years} y x ${r.amortisation.hoursPerYear} h` : ""),
  ]);
}

export function registerRatesCommands(program: Command) {
  const config = () => resolveConfig(program.opts());
  const rates = program.command("rates").description("What an hour of a GPU (or CPU slot) costs per pool: list; set a new rate (directors, admins)");

  rates
    .command("list", { isDefault: true })
    .description("The rates in force now per pool and GPU type (and CPU slot)")
    .option("--pool <name>", "only this pool's rates")
    .option("--history", "every rate ever set, not only those in force")
    .option("--json", "print JSON")
    .action(async (opts: { pool?: string; history?: boolean; json?: boolean }) => {
      const list = await answer(rest(await config()).GET("/rates"));
      const shown = (opts.history ? list.history : list.current).filter((r) => !opts.pool || r.pool === opts.pool);
      if (opts.json) return void process.stdout.write(JSON.stringify(shown, null, 2) + "\n");
      if (!shown.length) return void process.stdout.write(`${opts.pool ? `No rates for pool ${opts.pool} yet: its jobs are` : "No rates yet: jobs are"} charged 0. A director sets one with \`benchtop rates set --pool ${opts.pool ?? "lab"} --gpu-type A100 --hourly 1.20\`.\n`);
      printTable(["POOL", "GPU TYPE", "KIND", "HOURLY", "FROM", "SOURCE"], rows(shown));
    });

  rates
    .command("set")
    .description("Add a rate from a date on (now by default); earlier minutes keep the rate they were charged at")
    .requiredOption("--pool <name>", "the pool, e.g. lab")
    .option("--gpu-type <model>", "the GPU model as agents report it, e.g. demo-gpu")
    .option("--cpu", "the pool's CPU slot instead of a GPU type")
    .option("--hourly <price>", "price per GPU (or CPU slot) and hour, e.g. 1.20")
    .option("--purchase <price>", "or: purchase price of ONE GPU (a server's price divided by its GPUs), amortised")
    .option("--years <n>", "with --purchase: years of life, e.g. 4")
    .option("--hours-per-year <n>", "with --purchase: hours a year it is counted over", "8760")
    .option("--utilisation <percent>", "with --purchase: percent of those hours in use", "100")
    .option("--kind <kind>", "owned, on-demand or spot", "owned")
    .option("--source <text>", "where the price comes from, e.g. \"AWS p4d.24xlarge / 8, 2026-11-01\"")
    .option("--from <date>", "from this day (YYYY-MM-DD, UTC) or ISO time; now by default")
    .action(async (opts: { pool: string; gpuType?: string; cpu?: boolean; hourly?: string; purchase?: string; years?: string; hoursPerYear: string; utilisation: string; kind: string; source?: string; from?: string }) => {
      if (!opts.gpuType === !opts.cpu) throw new CliError("Give --gpu-type MODEL or --cpu (the CPU slot), one of them.", 2);
      if (!opts.hourly === !opts.purchase) throw new CliError("Give --hourly PRICE, or --purchase PRICE --years N for the lab's own hardware, one of them.", 2);
      if (opts.purchase && !opts.years) throw new CliError("--purchase needs --years (the years of life), e.g. --years 4.", 2);
      const kind = ({ owned: "owned", "on-demand": "on_demand", on_demand: "on_demand", spot: "spot" } as const)[opts.kind as "owned"];
      if (!kind) throw new CliError(`--kind takes owned, on-demand or spot, not "${opts.kind}".`, 2);
      const { rate } = await answer(
        rest(await config()).POST("/rates", {
          body: {
            pool: opts.pool,
            gpuType: opts.cpu ? null : opts.gpuType!,
            kind,
            hourly: opts.hourly ?? null,
            amortisation: opts.purchase ? { purchasePrice: opts.purchase, years: opts.years!, hoursPerYear: opts.hoursPerYear, utilisation: opts.utilisation } : null,
            source: opts.source,
            effectiveFrom: opts.from ?? null,
          },
        }),
      );
      const what = rate.gpuType ? `${rate.gpuType} on pool ${rate.pool}` : `The CPU slot of pool ${rate.pool}`;
      const how = rate.amortisation ? ` (${rate.amortisation.purchasePrice} / (${rate.amortisation.years} y x ${rate.amortisation.hoursPerYear} h${rate.amortisation.utilisation !== "100" ? ` x ${rate.amortisation.utilisation} %` : ""}))` : "";
      process.stdout.write(`${what}: ${rate.hourly} ${rate.currency} per ${rate.gpuType ? "GPU" : "slot"}-hour${how}, ${KIND[rate.kind]}, from ${new Date(rate.effectiveFrom).toISOString()}.\n`);
    });
}

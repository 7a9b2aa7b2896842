import type { Command } from "commander";
import { answer, CliError, rest } from "../client";
import { resolveConfig } from "../config";
import { printTable } from "../table";

const onOff = (value: string): boolean => {
  if (value === "on" || value === "true") return true;
  if (value === "off" || value === "false") return false;
  throw new CliError(`--job-network takes on or off, not "${value}".`, 2);
};

export function registerPoolsCommands(program: Command) {
  const config = () => resolveConfig(program.opts());
  const pools = program.command("pools").description("The pools of capacity: list; set what their jobs may reach (admins and directors)");

  pools
    .command("list", { isDefault: true })
    .description("Every pool, its agents, and whether its jobs reach the network")
    .option("--json", "print JSON")
    .action(async (opts) => {
      const { pools: rows } = await answer(rest(await config()).GET("/pools"));
      if (opts.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      if (!rows.length) return void process.stdout.write("No pools yet. One appears with its first agent (`benchtop agents create NAME --pool POOL`).\n");
      printTable(["POOL", "KIND", "AGENTS", "JOB NETWORK"], rows.map((p) => [p.name, p.kind, String(p.agents), p.jobNetwork ? "on" : "off"]));
    });

  pools
    .command("set")
    .description("Change a pool's settings; jobs that start afterwards get them")
    .argument("<name>")
    .requiredOption("--job-network <on|off>", "off: each job gets only a loopback of its own (no downloads, no multi-node jobs)")
    .action(async (name: string, opts: { jobNetwork: string }) => {
      const { pool } = await answer(rest(await config()).PATCH("/pools/{name}", { params: { path: { name } }, body: { jobNetwork: onOff(opts.jobNetwork) } }));
      process.stdout.write(`${pool.name}: job network ${pool.jobNetwork ? "on" : "off"} (for jobs that start from now on).\n`);
    });
}

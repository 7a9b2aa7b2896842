import type { Command } from "commander";
import { api } from "../client";
import { resolveConfig } from "../config";
import { printTable, relativeTime } from "../table";

type AgentView = {
  name: string;
  pool: string;
  online: boolean;
  draining: boolean;
  simulated: boolean;
  gpuType: string | null;
  cpuSlots: number;
  lastHeartbeatAt: string | null;
  gpus: { index: number; busy: boolean; utilization: number | null }[];
};

export function registerAgentsCommands(program: Command) {
  const config = () => resolveConfig(program.opts());
  const agents = program.command("agents").description("The lab's agents (GPU servers): list; create, drain (admins and directors)");

  agents
    .command("list", { isDefault: true })
    .description("Every agent, its GPUs, free and busy")
    .option("--json", "print JSON")
    .action(async (opts) => {
      const { agents: rows } = await api<{ agents: AgentView[] }>(await config(), "GET", "/agents");
      if (opts.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      if (!rows.length) return void process.stdout.write("No agents yet. An admin creates one with `benchtop agents create NAME`.\n");
      printTable(
        ["NAME", "POOL", "STATE", "GPUS", "FREE", "TYPE", "SEEN"],
        rows.map((a) => [
          a.name,
          a.pool,
          a.draining ? "draining" : a.online ? "online" : "offline",
          String(a.gpus.length || `${a.cpuSlots} cpu`),
          String(a.gpus.filter((g) => !g.busy).length),
          `${a.gpuType ?? "-"}${a.simulated ? " (simulated)" : ""}`,
          a.lastHeartbeatAt ? relativeTime(a.lastHeartbeatAt) : "never",
        ]),
      );
    });

  agents
    .command("create")
    .description("Create an agent and print its token (shown once)")
    .argument("<name>", "like a host name: gpu-01")
    .option("--pool <pool>", "the pool of capacity it belongs to", "lab")
    .action(async (name: string, opts) => {
      const c = await config();
      const { token } = await api<{ token: string }>(c, "POST", "/agents", { name, pool: opts.pool });
      process.stderr.write(`benchtop: agent ${name} created. Its token is shown once; on the GPU server run:\n  benchtop agent --server ${c.url} --token ${token}\n`);
      process.stdout.write(token + "\n");
    });

  for (const [verb, description] of [
    ["drain", "Let an agent finish its running work and take no more"],
    ["undrain", "Let a drained agent take work again"],
  ] as const) {
    agents
      .command(verb)
      .description(description)
      .argument("<name>")
      .action(async (name: string) => {
        await api(await config(), "POST", `/agents/${encodeURIComponent(name)}/${verb}`);
        process.stdout.write(`${name}: ${verb === "drain" ? "draining" : "taking work again"}.\n`);
      });
  }
}

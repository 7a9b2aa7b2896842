import type { Command } from "commander";
import { answer, rest, type Answer } from "../client";
import { resolveConfig } from "../config";
import { printTable, relativeTime } from "../table";

type AgentView = Answer<"/agents", "get">["agents"][number];

/** "nobody, sandbox", "alice, sandbox (no separate user)", "NONE: alice, no sandbox", "unknown". */
export function describeIsolation(i: AgentView["isolation"]): string {
  if (i.sandbox === null) return "unknown";
  if (!i.sandbox) return `NONE: ${i.jobUser}, no sandbox`;
  return i.separateUser ? `${i.jobUser}, sandbox` : `${i.jobUser}, sandbox (no separate user)`;
}

export function registerAgentsCommands(program: Command) {
  const config = () => resolveConfig(program.opts());
  const agents = program.command("agents").description("The lab's agents (GPU servers): list; create, drain (admins and directors)");

  agents
    .command("list", { isDefault: true })
    .description("Every agent, its GPUs, free and busy")
    .option("--json", "print JSON")
    .action(async (opts) => {
      const { agents: rows } = await answer(rest(await config()).GET("/agents"));
      if (opts.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      if (!rows.length) return void process.stdout.write("No agents yet. An admin creates one with `benchtop agents create NAME`.\n");
      printTable(
        ["NAME", "POOL", "STATE", "GPUS", "FREE", "TYPE", "JOBS RUN AS", "NETWORK", "SEEN"],
        rows.map((a) => [
          a.name,
          a.pool,
          a.draining ? "draining" : a.online ? "online" : "offline",
          String(a.gpus.length || `${a.cpuSlots} cpu`),
          String(a.gpus.filter((g) => !g.busy).length),
          `${a.gpuType ?? "-"}${a.simulated ? " (simulated)" : ""}`,
          describeIsolation(a.isolation),
          a.jobNetwork ? "on" : "off",
          a.lastHeartbeatAt ? relativeTime(a.lastHeartbeatAt) : "never",
        ]),
      );
      for (const a of rows.filter((r) => r.isolation.sandbox === false)) {
        process.stdout.write(
          `\nWarning: ${a.name} runs jobs without isolation (--no-isolation): any job there can read the agent's token, other jobs' files and other processes' environments.\n`,
        );
      }
    });

  agents
    .command("create")
    .description("Create an agent and print its token (shown once)")
    .argument("<name>", "like a host name: gpu-01")
    .option("--pool <pool>", "the pool of capacity it belongs to", "lab")
    .action(async (name: string, opts) => {
      const c = await config();
      const { token } = await answer(rest(c).POST("/agents", { body: { name, pool: opts.pool } }));
      // The token alone on stdout (so `benchtop agents create gpu-01 > file` works); how to use it on stderr.
      // Never on a command line: every process on the GPU server could read it there.
      process.stderr.write(
        [
          `benchtop: agent ${name} created; its token (on stdout) is shown once. Keep it off command lines (every process can read those):`,
          `on the GPU server, store it where only the agent's user can read it, and start the agent with that file (as root: jobs then run as nobody, sandboxed):`,
          `  (umask 077; cat > /etc/benchtop-agent-token)      # paste the token, then Ctrl+D`,
          `  benchtop agent --server ${c.url} --name ${name} --token-file /etc/benchtop-agent-token`,
          `or pipe it in: benchtop agent --server ${c.url} --name ${name} --token-stdin < /etc/benchtop-agent-token`,
          ``,
        ].join("\n"),
      );
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
        await answer(rest(await config()).POST(verb === "drain" ? "/agents/{name}/drain" : "/agents/{name}/undrain", { params: { path: { name } } }));
        process.stdout.write(`${name}: ${verb === "drain" ? "draining" : "taking work again"}.\n`);
      });
  }
}

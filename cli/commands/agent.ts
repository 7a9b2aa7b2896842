import type { Command } from "commander";
import { Agent, AgentFatalError } from "../agent/agent";
import { AgentSettingsError, resolveAgentSettings, type AgentFlags } from "../agent/options";
import { progressTo } from "../agent/progress";
import { CliError } from "../client";

export function registerAgentCommand(program: Command) {
  program
    .command("agent")
    .description("Run jobs for Benchtop on this machine: register its GPUs, claim work, stream logs, report back")
    .option("--server <url>", "Benchtop's URL")
    .option("--token <token>", "this agent's token (default: BENCHTOP_AGENT_TOKEN)")
    .option("--name <name>", "the agent's name as an admin created it; the agent stops if the token is another agent's")
    .option("--work-dir <dir>", "where runs and the blob cache live (default: BENCHTOP_AGENT_DIR or ~/.benchtop-agent)")
    .option("--address <host>", "how other machines reach this one, for multi-node jobs (default: the first non-internal IPv4)")
    .option("--gpus <indices>", "offer only these GPUs (nvidia-smi indices, e.g. 0,1,2,3)")
    .option("--simulate-gpus <n>", "offer N simulated GPUs (demos and tests; shown as simulated)")
    .option("--gpu-type <model>", "the model name of simulated GPUs", "demo-gpu")
    .option("--cpu-slots <n>", "CPU-only jobs to run at once (default: 1 without real GPUs, else 0)")
    .option("--dataset-cache-gb <gb>", "keep at most this much of attached datasets cached (least recently used go first; default: no limit)")
    .option("--once", "exit after the first assignment ends (for tests)")
    .option("--checkpoint-interval <seconds>", "how often a running job's BENCHTOP_CHECKPOINT_DIR is saved", "30")
    .action(async (opts: AgentFlags & { checkpointInterval: string }) => {
      const checkpointSeconds = Number(opts.checkpointInterval);
      if (!Number.isFinite(checkpointSeconds) || checkpointSeconds <= 0) {
        throw new CliError(`--checkpoint-interval must be a positive number of seconds, not "${opts.checkpointInterval}".`, 2);
      }
      // Commander gives a --token after the subcommand to the root program's --token.
      let settings;
      try {
        settings = resolveAgentSettings({ ...opts, token: opts.token ?? (program.opts().token as string | undefined) });
      } catch (e) {
        if (e instanceof AgentSettingsError) throw new CliError(e.message, 2);
        throw e;
      }
      const agent = new Agent(settings, progressTo(process.stdout), { checkpointIntervalMs: checkpointSeconds * 1000 });
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        if (++signals === 1) void agent.stop(`received ${signal}`);
        else agent.killAllNow();
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      try {
        await agent.run();
      } catch (e) {
        if (e instanceof AgentFatalError) throw new CliError(e.message, 1);
        throw e;
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
      // Open sockets (a long poll being torn down) must not keep the process alive after a stop.
      process.exit(0);
    });
}

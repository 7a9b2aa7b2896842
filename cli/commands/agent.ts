import type { Command } from "commander";
import { Agent, AgentFatalError } from "../agent/agent";
import { runLeaseWatchdog } from "../agent/lease-watchdog";
import { AgentSettingsError, resolveAgentSettings, type AgentFlags } from "../agent/options";
import { progressTo } from "../agent/progress";
import { CliError } from "../client";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Paste the agent token, then press Ctrl+D:\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function registerAgentCommand(program: Command) {
  program
    .command("agent")
    .description("Run jobs for Benchtop on this machine: register its GPUs, claim work, stream logs, report back")
    .option("--server <url>", "Benchtop's URL")
    .option("--token-file <file>", "read this agent's token from a file only you can read (chmod 600)")
    .option("--token-stdin", "read this agent's token from stdin (default: BENCHTOP_AGENT_TOKEN)")
    .option("--token <token>", "refused: a token on the command line is readable by every process (use --token-file)")
    .option("--name <name>", "the agent's name as an admin created it; the agent stops if the token is another agent's")
    .option("--work-dir <dir>", "where runs and the caches live (default: BENCHTOP_AGENT_DIR, else /var/lib/benchtop-agent as root, ~/.benchtop-agent otherwise)")
    .option("--job-user <user>", "run each job as this unprivileged user (agent as root only; default: nobody)")
    .option("--job-bind <dir>", "also show jobs this folder, read-only (a shared conda or modules tree); repeatable", (v: string, all: string[] = []) => [...all, v])
    .option("--no-isolation", "run jobs as the agent's own user without a sandbox (they can then read all the agent can, its token too)")
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
      const token = opts.token ?? (program.opts().token as string | undefined);
      let settings;
      try {
        settings = resolveAgentSettings({ ...opts, token }, process.env, opts.tokenStdin && token === undefined ? await readStdin() : undefined);
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

  // Started by the agent itself (lease-watchdog.ts), never by a person: hidden from --help.
  program
    .command("agent-watchdog", { hidden: true })
    .requiredOption("--stop-after-ms <ms>", "stop the watched jobs when no heartbeat was answered for this long")
    .action(async (opts: { stopAfterMs: string }) => {
      const ms = Number(opts.stopAfterMs);
      if (!Number.isFinite(ms) || ms <= 0) throw new CliError(`--stop-after-ms must be a positive number, not "${opts.stopAfterMs}".`, 2);
      await runLeaseWatchdog(ms);
      process.exit(0);
    });
}

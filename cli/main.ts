import { Command, CommanderError } from "commander";
import { CliError, failureSentence } from "./client";
import { registerAccountCommands } from "./commands/account";
import { registerAgentCommand } from "./commands/agent";
import { registerAgentsCommands } from "./commands/agents";
import { registerConfigCommands } from "./commands/config";
import { registerDataCommands } from "./commands/data";
import { registerJobCommands } from "./commands/jobs";
import { registerPeopleCommands } from "./commands/people";
import { registerBudgetCommands } from "./commands/budget";
import { registerCostsCommands } from "./commands/costs";
import { registerPoolsCommands } from "./commands/pools";
import { registerProjectCommands } from "./commands/projects";
import { registerRatesCommands } from "./commands/rates";
import { registerStoreCommands } from "./commands/stores";
import { CLI_VERSION } from "./package-info";

// Exit status: 0 done, 1 a failure (the server's sentence), 2 a usage error (commander's own too),
// 3 the token refused; `benchtop wait` exits with the job's own exit code.
const program = new Command()
  .name("benchtop")
  .description("Benchtop from the command line. Reads BENCHTOP_URL and BENCHTOP_TOKEN, or the config `benchtop login` writes.")
  .option("--url <url>", "Benchtop's URL (default: BENCHTOP_URL, the login config, or http://localhost:3000)")
  .option("--token <token>", "an API token (default: BENCHTOP_TOKEN or the login config)")
  .version(CLI_VERSION, "-V, --version", "print the CLI's version")
  // Commander throws instead of exiting, so its usage errors exit 2 like ours; both settings are
  // copied to every subcommand registered after this.
  .exitOverride()
  .configureOutput({ outputError: () => undefined });

registerAccountCommands(program);
registerConfigCommands(program);
registerProjectCommands(program);
registerAgentCommand(program);
registerAgentsCommands(program);
registerPoolsCommands(program);
registerBudgetCommands(program);
registerRatesCommands(program);
registerCostsCommands(program);
registerJobCommands(program);
registerDataCommands(program);
registerPeopleCommands(program);
registerStoreCommands(program);

/** The words the user typed up to the subcommand that complained, for "see `benchtop data cp --help`". */
function commandPath(argv: string[]): string {
  const words = ["benchtop"];
  let at: Command = program;
  for (const word of argv) {
    const sub = at.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) continue;
    words.push(sub.name());
    at = sub;
  }
  return words.join(" ");
}

/** "error: unknown option '--fast'\n(Did you mean --fail?)" -> "Unknown option '--fast' (did you mean --fail?)." */
function commanderSentence(e: CommanderError): string {
  const text = e.message.replace(/^error:\s*/, "").replace(/\s*\n\s*\(Did you mean (.+?)\)\s*$/, " (did you mean $1)").trim();
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.?!)]$/.test(sentence) ? sentence : `${sentence}.`;
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version print to stdout and end well; anything else commander refuses is a usage error.
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") process.exit(0);
    // commander.help: a command group called without its subcommand; commander printed its help.
    if (e.code !== "commander.help") process.stderr.write(`benchtop: ${commanderSentence(e)} See \`${commandPath(process.argv.slice(2))} --help\`.\n`);
    process.exit(2);
  }
  process.stderr.write(`benchtop: ${failureSentence(e)}\n`);
  if (!(e instanceof CliError) && process.env.BENCHTOP_DEBUG) process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(e instanceof CliError ? e.exitCode : 1);
}

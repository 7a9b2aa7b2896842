import { Command } from "commander";
import { CliError } from "./client";
import { registerAccountCommands } from "./commands/account";
import { registerAgentCommand } from "./commands/agent";
import { registerAgentsCommands } from "./commands/agents";
import { registerDataCommands } from "./commands/data";
import { registerJobCommands } from "./commands/jobs";
import { registerPeopleCommands } from "./commands/people";
import { registerPoolsCommands } from "./commands/pools";
import { registerProjectCommands } from "./commands/projects";
import { registerStoreCommands } from "./commands/stores";

const program = new Command()
  .name("benchtop")
  .description("Benchtop from the command line. Reads BENCHTOP_URL and BENCHTOP_TOKEN, or the config `benchtop login` writes.")
  .option("--url <url>", "Benchtop's URL (default: BENCHTOP_URL, the login config, or http://localhost:3000)")
  .option("--token <token>", "an API token (default: BENCHTOP_TOKEN or the login config)")
  .showHelpAfterError();

registerAccountCommands(program);
registerProjectCommands(program);
registerAgentCommand(program);
registerAgentsCommands(program);
registerPoolsCommands(program);
registerJobCommands(program);
registerDataCommands(program);
registerPeopleCommands(program);
registerStoreCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CliError || (e instanceof Error && e.name === "Error")) {
    process.stderr.write(`benchtop: ${(e as Error).message}\n`);
    process.exit(e instanceof CliError ? e.exitCode : 1);
  }
  throw e;
}

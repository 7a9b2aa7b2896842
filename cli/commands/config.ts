// `benchtop config set project demo`: defaults kept in the file `benchtop login` writes, as
// `gcloud config set project` keeps them. The token is set by `benchtop login` only (it checks it).
import type { Command } from "commander";
import { CliError } from "../client";
import { configPath, readConfigFile, writeConfigFile, type ConfigFile } from "../config";

const KEYS = { project: "the default project of commands that take -p (BENCHTOP_PROJECT overrides it)", url: "Benchtop's URL (BENCHTOP_URL overrides it)" } as const;
type Key = keyof typeof KEYS;

function key(name: string): Key {
  if (name in KEYS) return name as Key;
  const hint = name === "token" ? " The token is saved by `benchtop login`, which checks it first." : "";
  throw new CliError(`There is no setting "${name}"; the settings are ${Object.keys(KEYS).join(" and ")}.${hint}`, 2);
}

export function registerConfigCommands(program: Command) {
  const config = program.command("config").description(`Defaults kept in ${configPath()}: ${Object.keys(KEYS).join(", ")}`);

  config
    .command("set")
    .description("Set a default: `benchtop config set project demo`")
    .argument("<key>", Object.entries(KEYS).map(([k, v]) => `${k}: ${v}`).join("; "))
    .argument("<value>")
    .action(async (name: string, value: string) => {
      const k = key(name);
      const text = value.trim().replace(k === "url" ? /\/+$/ : /$^/, "");
      if (!text) throw new CliError(`Give a value for ${k}, or \`benchtop config unset ${k}\`.`, 2);
      if (k === "url" && !/^https?:\/\/[^/\s]+/.test(text)) throw new CliError(`"${value}" is not an http(s) URL.`, 2);
      const file = await writeConfigFile({ [k]: text } satisfies ConfigFile);
      process.stdout.write(`${k} = ${text} (saved to ${file}).\n`);
    });

  config
    .command("get")
    .description("Print a default")
    .argument("<key>")
    .action(async (name: string) => {
      const value = (await readConfigFile())?.[key(name)];
      if (value === undefined) throw new CliError(`No ${name} is set; \`benchtop config set ${name} VALUE\` sets one.`);
      process.stdout.write(value + "\n");
    });

  config
    .command("unset")
    .description("Forget a default")
    .argument("<key>")
    .action(async (name: string) => {
      const k = key(name);
      const file = await writeConfigFile({ [k]: undefined });
      process.stdout.write(`${k} unset (in ${file}).\n`);
    });
}

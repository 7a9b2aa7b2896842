// Where the CLI finds its server and token, first match wins:
//   1. --url / --token flags   2. BENCHTOP_URL / BENCHTOP_TOKEN   3. the config file written by
//   `benchtop login` (~/.config/benchtop/config.json, or $BENCHTOP_CONFIG)   4. a local demo:
//   ./.benchtop/demo-token and demo-url (or under $BENCHTOP_HOME), written by `npm run demo`.
// The project of commands that take -p: the flag, else BENCHTOP_PROJECT, else the config file's
// `project` (`benchtop config set project demo`).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CliError } from "./errors";

export type CliConfig = { url: string; token: string; source: string };
export type ConfigFile = { url?: string; token?: string; project?: string };

export function configPath(): string {
  if (process.env.BENCHTOP_CONFIG) return path.resolve(process.env.BENCHTOP_CONFIG);
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(base, "benchtop", "config.json");
}

async function readText(file: string): Promise<string | null> {
  return fs.readFile(file, "utf8").then((s) => s.trim() || null, () => null);
}

export async function readConfigFile(): Promise<ConfigFile | null> {
  const text = await readText(configPath());
  if (!text) return null;
  try {
    return JSON.parse(text) as ConfigFile;
  } catch {
    throw new Error(`${configPath()} is not valid JSON; fix it or run \`benchtop login\` again.`);
  }
}

/** Sets (or, given undefined, removes) these keys and keeps the others: `login` keeps the default project. */
export async function writeConfigFile(changes: ConfigFile): Promise<string> {
  const file = configPath();
  const merged: ConfigFile = { ...(await readConfigFile()), ...changes };
  for (const key of Object.keys(merged) as (keyof ConfigFile)[]) if (merged[key] === undefined) delete merged[key];
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, JSON.stringify(merged, null, 2) + "\n", { mode: 0o600 });
  await fs.chmod(file, 0o600);
  return file;
}

export async function resolveConfig(flags: { url?: string; token?: string }): Promise<CliConfig> {
  const file = await readConfigFile();
  const home = path.resolve(process.env.BENCHTOP_HOME || ".benchtop");
  const demoToken = await readText(path.join(home, "demo-token"));
  const demoUrl = await readText(path.join(home, "demo-url"));
  const url = flags.url ?? process.env.BENCHTOP_URL ?? file?.url ?? demoUrl ?? "http://localhost:3000";
  const token = flags.token ?? process.env.BENCHTOP_TOKEN ?? file?.token ?? demoToken;
  const source = flags.token
    ? "--token"
    : process.env.BENCHTOP_TOKEN
      ? "BENCHTOP_TOKEN"
      : file?.token
        ? configPath()
        : demoToken
          ? path.join(home, "demo-token")
          : "";
  if (!token) {
    throw new Error("No API token. Run `benchtop login`, or set BENCHTOP_URL and BENCHTOP_TOKEN.");
  }
  return { url: url.replace(/\/+$/, ""), token, source };
}

/** -p, else BENCHTOP_PROJECT, else the config file's project; undefined when none names one. */
export async function defaultProject(flag: string | undefined): Promise<string | undefined> {
  return flag?.trim() || process.env.BENCHTOP_PROJECT?.trim() || (await readConfigFile())?.project || undefined;
}

/** -p, else BENCHTOP_PROJECT, else the config file's project; a usage error when none names one. */
export async function resolveProject(flag: string | undefined): Promise<string> {
  const project = await defaultProject(flag);
  if (!project) throw new CliError("Name the project: -p SLUG, BENCHTOP_PROJECT=SLUG, or `benchtop config set project SLUG` once.", 2);
  return project;
}

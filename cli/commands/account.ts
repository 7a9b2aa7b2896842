import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { answer, CliError, rest } from "../client";
import { resolveConfig, writeConfigFile } from "../config";

export function registerAccountCommands(program: Command) {
  program
    .command("login")
    .description("Save a server URL and API token for later commands (checks them first)")
    .option("--url <url>", "Benchtop's URL", process.env.BENCHTOP_URL ?? "http://localhost:3000")
    .option("--token <token>", "an API token (asked for when not given; create one under Settings -> API tokens)")
    .action(async (opts: { url: string; token?: string }) => {
      const url = (program.opts().url ?? opts.url).replace(/\/+$/, "");
      let token = opts.token ?? program.opts().token ?? process.env.BENCHTOP_TOKEN;
      if (!token) {
        if (!process.stdin.isTTY) {
          token = (await readAll(process.stdin)).trim();
        } else {
          const rl = createInterface({ input: process.stdin, output: process.stderr });
          token = (await rl.question(`API token for ${url} (from ${url}/settings/tokens): `)).trim();
          rl.close();
        }
      }
      if (!token) throw new CliError("No token given.", 2);
      const me = await answer(rest({ url, token }).GET("/me"));
      const file = await writeConfigFile({ url, token });
      process.stdout.write(`Logged in to ${url} as ${me.name ?? me.email} <${me.email}>. Saved to ${file}.\n`);
    });

  program
    .command("whoami")
    .description("Show who the token belongs to")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = await resolveConfig(program.opts());
      const me = await answer(rest(config).GET("/me"));
      if (opts.json) {
        process.stdout.write(JSON.stringify({ ...me, url: config.url }, null, 2) + "\n");
        return;
      }
      const who = me.name ? `${me.name} <${me.email}>` : me.email;
      process.stdout.write(`${who}\n  lab role: ${me.labRole}${me.external ? " (external collaborator)" : ""}\n  server:   ${config.url}\n`);
    });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

import type { Command } from "commander";
import { answer, rest } from "../client";
import { resolveConfig } from "../config";
import { printTable, relativeTime } from "../table";


export function registerProjectCommands(program: Command) {
  program
    .command("projects")
    .description("List your projects")
    .option("--all", "include archived projects")
    .option("--json", "print JSON")
    .action(async (opts: { all?: boolean; json?: boolean }) => {
      const config = await resolveConfig(program.opts());
      const { projects } = await answer(rest(config).GET("/projects", { params: { query: opts.all ? { includeArchived: "true" } : {} } }));
      if (opts.json) {
        process.stdout.write(JSON.stringify(projects, null, 2) + "\n");
        return;
      }
      if (projects.length === 0) {
        process.stdout.write(`No projects yet. Create one at ${config.url}/projects.\n`);
        return;
      }
      printTable(
        ["SLUG", "NAME", "ROLE", "MEMBERS", "UPDATED"],
        projects.map((p) => [p.slug, p.archived ? `${p.name} (archived)` : p.name, p.role, String(p.memberCount), relativeTime(p.updatedAt)]),
      );
    });
}

import type { Command } from "commander";
import { api, CliError } from "../client";
import { resolveConfig, type CliConfig } from "../config";
import { printTable, relativeTime } from "../table";

type Person = {
  id: string;
  email: string;
  name: string | null;
  labRole: string;
  external: boolean;
  invitedAt: string | null;
  lastSignInAt: string | null;
  activeSessions: number;
  projects: number;
};

async function findByEmail(config: CliConfig, email: string): Promise<Person> {
  const { people } = await api<{ people: Person[] }>(config, "GET", "/people");
  const person = people.find((p) => p.email === email.trim().toLowerCase());
  if (!person) throw new CliError(`Nobody with the address ${email} has an account. Invite them with \`benchtop people invite ${email}\`.`);
  return person;
}

export function registerPeopleCommands(program: Command) {
  const config = () => resolveConfig(program.opts());
  const people = program.command("people").description("The lab's people (lab admins and directors): list, invite, promote, end-sessions");

  people
    .command("list", { isDefault: true })
    .description("Everyone with an account: lab role, external or not, last sign-in, active sessions")
    .option("--json", "print JSON")
    .action(async (opts) => {
      const { people: rows } = await api<{ people: Person[] }>(await config(), "GET", "/people");
      if (opts.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      printTable(
        ["EMAIL", "NAME", "ROLE", "PROJECTS", "SIGNED IN", "SESSIONS"],
        rows.map((p) => [
          p.email,
          p.name ?? "-",
          `${p.labRole}${p.external ? " (external)" : ""}`,
          String(p.projects),
          p.lastSignInAt ? relativeTime(p.lastSignInAt) : p.invitedAt ? "never (invited)" : "never",
          String(p.activeSessions),
        ]),
      );
    });

  people
    .command("invite")
    .description("Invite an address to the lab: it may sign in from now on, as a lab member")
    .argument("<email>")
    .option("--role <role>", "lab role: researcher, director or admin (admins only for the last two)", "researcher")
    .action(async (email: string, opts: { role: string }) => {
      const person = await api<Person>(await config(), "POST", "/people", { email, labRole: opts.role });
      process.stdout.write(`Invited ${person.email} as ${person.labRole}. They can sign in now.\n`);
    });

  people
    .command("promote")
    .description("Make an external collaborator a lab member")
    .argument("<email>")
    .action(async (email: string) => {
      const c = await config();
      const person = await api<Person>(c, "POST", `/people/${encodeURIComponent((await findByEmail(c, email)).id)}/promote`);
      process.stdout.write(`${person.email} is now a lab member.\n`);
    });

  people
    .command("end-sessions")
    .description("Sign someone out of every browser at once (their API tokens keep working)")
    .argument("<email>")
    .action(async (email: string) => {
      const c = await config();
      const person = await findByEmail(c, email);
      const { ended } = await api<{ ended: number }>(c, "DELETE", `/people/${encodeURIComponent(person.id)}/sessions`);
      process.stdout.write(`Ended ${ended} session${ended === 1 ? "" : "s"} of ${person.email}.\n`);
    });
}

import { Option, type Command } from "commander";
import { answer, CliError, rest, type Answer } from "../client";
import { resolveConfig, type CliConfig } from "../config";
import { printTable, relativeTime } from "../table";

type Person = Answer<"/people", "get">["people"][number];

async function findByEmail(config: CliConfig, email: string): Promise<Person> {
  const { people } = await answer(rest(config).GET("/people"));
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
      const { people: rows } = await answer(rest(await config()).GET("/people"));
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
    .addOption(new Option("--role <role>", "lab role (director and admin: admins only)").choices(["researcher", "director", "admin"] as const).default("researcher"))
    .action(async (email: string, opts: { role: "researcher" | "director" | "admin" }) => {
      const person = await answer(rest(await config()).POST("/people", { body: { email, labRole: opts.role } }));
      process.stdout.write(`Invited ${person.email} as ${person.labRole}. They can sign in now.\n`);
    });

  people
    .command("promote")
    .description("Make an external collaborator a lab member")
    .argument("<email>")
    .action(async (email: string) => {
      const c = await config();
      const person = await answer(rest(c).POST("/people/{userId}/promote", { params: { path: { userId: (await findByEmail(c, email)).id } } }));
      process.stdout.write(`${person.email} is now a lab member.\n`);
    });

  people
    .command("end-sessions")
    .description("Sign someone out of every browser at once (their API tokens keep working)")
    .argument("<email>")
    .action(async (email: string) => {
      const c = await config();
      const person = await findByEmail(c, email);
      const { ended } = await answer(rest(c).DELETE("/people/{userId}/sessions", { params: { path: { userId: person.id } } }));
      process.stdout.write(`Ended ${ended} session${ended === 1 ? "" : "s"} of ${person.email}.\n`);
    });
}

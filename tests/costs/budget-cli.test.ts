// `benchtop budget` as a user runs it (a real process), against the APIs served on loopback HTTP.
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createProjectFor, createUser } from "../support/factories";
import { realLab } from "../support/real-lab";

const lab = realLab("budget-cli");

const benchtop = (args: string[], env: Record<string, string>) => lab.benchtop(args, env);

describe("benchtop budget", () => {
  it("sets and shows a project's budget in words", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const { token } = await createApiToken({ actorId: owner.id, name: "cli" });
    const env = { BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token };
    const none = await benchtop(["budget", "show", "--project", project.slug], env);
    expect(none.stdout).toContain(`Project ${project.slug} has no budget.`);
    const set = await benchtop(["budget", "set", "--project", project.slug, "--amount", "400", "--until", "2099-06-30", "--policy", "hold"], env);
    expect(set.stderr).toBe("");
    expect(set.status).toBe(0);
    expect(set.stdout).toContain(`Project ${project.slug}: $400.00`);
    expect(set.stdout).toContain("to 2099-06-30; spent $0.00 (0 %), $400.00 left.");
    expect(set.stdout).toContain("at 100 %: hold new jobs");
    const show = await benchtop(["budget", "show", "--project", project.slug], env);
    expect(show.stdout).toBe(set.stdout);
    const bad = await benchtop(["budget", "set", "--project", project.slug, "--amount", "4", "--policy", "maybe"], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--policy takes warn, hold or stop, not "maybe".');
  });
});

// `benchtop costs` as a user runs it (a real process), against the APIs served on loopback HTTP.
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createProjectFor, createUser } from "../support/factories";
import { realLab } from "../support/real-lab";
import { writeLedger } from "./ledger-fixture";

const lab = realLab("costs-cli");

const benchtop = (args: string[], env: Record<string, string>) => lab.benchtop(args, env);

describe("benchtop costs", () => {
  it("prints an aligned table with a total row, and CSV whose total is the same", async () => {
    const director = await createUser({ labRole: "director" });
    const owner = await createUser({ name: "Grace Hopper" });
    const a = await createProjectFor(owner);
    const b = await createProjectFor(owner);
    const id = async (slug: string) => (await db.project.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
    // 2046-05: project a $12.00 (2 GPUs, 2 h at $3/h), project b $1.50 (1 GPU, 30 min at $3/h, seeded).
    await writeLedger({ projectId: await id(a.slug), userId: owner.id, startsAt: new Date(Date.UTC(2046, 4, 7, 10)), minutes: 120, hourly: "3", gpus: 2 });
    await writeLedger({ projectId: await id(b.slug), userId: owner.id, startsAt: new Date(Date.UTC(2046, 4, 8, 10)), minutes: 30, hourly: "3", seeded: true });
    const { token } = await createApiToken({ actorId: director.id, name: "cli" });
    const env = { BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: token };
    const range = ["--from", "2046-05-01", "--to", "2046-06-01"];

    const table = await benchtop(["costs", ...range], env);
    expect(table.stderr).toBe("");
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Spend 2046-05-01 to 2046-05-31, by project:");
    expect(lines[1]).toMatch(/^PROJECT\s+AMOUNT\s+GPU-H$/);
    expect(lines[2]).toMatch(new RegExp(`^${a.slug}\\s+\\$12\\.00\\s+4\\.00$`));
    expect(lines[3]).toMatch(new RegExp(`^${b.slug} \\*\\s+\\$1\\.50\\s+0\\.50$`));
    expect(lines[4]).toMatch(/^TOTAL\s+\$13\.50\s+4\.50$/);
    expect(lines[5]).toContain("includes the demo's seeded history");
    // Columns line up: every amount ends where the AMOUNT heading ends.
    const end = lines[1]!.indexOf("AMOUNT") + "AMOUNT".length;
    for (const l of lines.slice(2, 5)) expect(l.slice(0, end).endsWith("0")).toBe(true);

    const byPerson = await benchtop(["costs", "--by", "person", "--project", a.slug, ...range], env);
    expect(byPerson.stdout).toContain(`Spend 2046-05-01 to 2046-05-31, project ${a.slug}, by person:`);
    expect(byPerson.stdout).toMatch(/Grace Hopper\s+\$12\.00\s+4\.00/);

    const csv = await benchtop(["costs", "--csv", "--by", "gpu-type", ...range], env);
    expect(csv.stderr).toBe("");
    expect(csv.status).toBe(0);
    const rows = csv.stdout.trim().split("\r\n");
    expect(rows[0]).toBe("group_by,key,label,amount,currency,gpu_hours,seeded");
    expect(rows.at(-1)).toBe("total,,Total,13.50,USD,4.50,true");

    const empty = await benchtop(["costs", "--from", "2046-07-01", "--to", "2046-08-01"], env);
    expect(empty.stdout).toContain("Nothing was spent 2046-07-01 to 2046-07-31.");
    const bad = await benchtop(["costs", "--by", "colour"], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--by takes project, person, pool, gpu-type, day or job, not "colour".');
    const badDate = await benchtop(["costs", "--from", "soon"], env);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('"soon" is not a date');
  });
});

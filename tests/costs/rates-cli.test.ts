// `benchtop rates` as a user runs it (a real process), against the APIs served on loopback HTTP.
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createApiToken } from "../../server/tokens/api-tokens";
import { createUser } from "../support/factories";
import { realLab } from "../support/real-lab";

const lab = realLab("rates-cli");

const benchtop = (args: string[], env: Record<string, string>) => lab.benchtop(args, env);

describe("benchtop rates", () => {
  it("a director sets an amortised GPU rate and a CPU-slot price; everyone lists them as a table", async () => {
    await db.pool.upsert({ where: { name: "clilab" }, create: { name: "clilab" }, update: {} });
    const director = await createUser({ labRole: "director" });
    const researcher = await createUser();
    const dEnv = { BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: (await createApiToken({ actorId: director.id, name: "cli" })).token };
    const rEnv = { BENCHTOP_URL: lab.url, BENCHTOP_TOKEN: (await createApiToken({ actorId: researcher.id, name: "cli" })).token };

    const none = await benchtop(["rates", "--pool", "clilab"], rEnv);
    expect(none.status).toBe(0);
    expect(none.stdout).toBe("No rates for pool clilab yet: its jobs are charged 0. A director sets one with `benchtop rates set --pool clilab --gpu-type A100 --hourly 1.20`.\n");

    const gpu = await benchtop(["rates", "set", "--pool", "clilab", "--gpu-type", "demo-gpu", "--purchase", "32000", "--years", "4", "--source", "invoice 118", "--from", "2026-12-05"], dEnv);
    expect(gpu.stderr).toBe("");
    expect(gpu.status).toBe(0);
    expect(gpu.stdout).toBe("demo-gpu on pool clilab: 0.9132 USD per GPU-hour (32000 / (4 y x 8760 h)), owned, from 2026-12-05T00:00:00.000Z.\n");
    const cpu = await benchtop(["rates", "set", "--pool", "clilab", "--cpu", "--hourly", "0.04", "--kind", "on-demand", "--source", "cloud vCPU", "--from", "2026-12-01"], dEnv);
    expect(cpu.stdout).toBe("The CPU slot of pool clilab: 0.0400 USD per slot-hour, on-demand, from 2026-12-01T00:00:00.000Z.\n");

    const history = await benchtop(["rates", "--history", "--pool", "clilab"], rEnv);
    expect(history.status).toBe(0);
    const lines = history.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^POOL\s+GPU TYPE\s+KIND\s+HOURLY\s+FROM\s+SOURCE$/);
    expect(lines[1]).toMatch(/^clilab\s+demo-gpu\s+owned\s+0\.9132 USD\/h\s+2026-12-05\s+invoice 118$/);
    expect(lines[2]).toMatch(/^clilab\s+CPU slot\s+on-demand\s+0\.0400 USD\/h\s+2026-12-01\s+cloud vCPU$/);
    const json = JSON.parse((await benchtop(["rates", "--json", "--history", "--pool", "clilab"], rEnv)).stdout) as { hourly: string }[];
    expect(json.map((r) => r.hourly)).toEqual(["0.9132", "0.0400"]);

    const refused = await benchtop(["rates", "set", "--pool", "clilab", "--cpu", "--hourly", "1"], rEnv);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Only directors and admins set rates.");
    const usage = await benchtop(["rates", "set", "--pool", "clilab", "--gpu-type", "x", "--hourly", "1", "--purchase", "5"], dEnv);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Give --hourly PRICE, or --purchase PRICE --years N for the lab's own hardware, one of them.");
    const kind = await benchtop(["rates", "set", "--pool", "clilab", "--cpu", "--hourly", "1", "--kind", "cheap"], dEnv);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain('--kind takes owned, on-demand or spot, not "cheap".');
  });
});

// Job env values are the submitter's, the project owners' and lab directors' to read; everyone
// else sees the names with the values masked (tRPC, REST). A re-run by someone who cannot see them
// keeps them without revealing them. The agent always gets the real values.
import { describe, expect, it } from "vitest";
import { getJob } from "../../server/queue/read-jobs";
import { submitJob } from "../../server/queue/submit-job";
import { envLab } from "./env-lab";
import { callerFor, rest, tokenFor } from "./support";

describe("job env values", () => {
  it("are shown to the submitter, owners and directors, and masked for other editors, viewers and externals", async () => {
    const { users, base } = await envLab();
    const { id } = await submitJob({ actorId: users.ed.id, ...base, env: { WANDB_API_KEY: "wandb-value-123", SEED: "7" } });
    for (const who of [users.ed, users.ana, users.dora]) {
      const job = await (await callerFor(who)).jobs.get({ jobId: id });
      expect(job.env, who.name).toEqual({ WANDB_API_KEY: "wandb-value-123", SEED: "7" });
      expect(job.envMasked).toBe(false);
    }
    for (const who of [users.eli, users.vic, users.xena]) {
      const job = await (await callerFor(who)).jobs.get({ jobId: id });
      expect(job.env, who.name).toEqual({ WANDB_API_KEY: null, SEED: null });
      expect(job.envMasked).toBe(true);
      expect(JSON.stringify(job)).not.toContain("wandb-value-123");
      const viaRest = await rest(await tokenFor(who), "GET", `/jobs/${id}`);
      expect(viaRest.status).toBe(200);
      expect(viaRest.json.env).toEqual({ WANDB_API_KEY: null, SEED: null });
      expect(viaRest.text).not.toContain("wandb-value-123");
    }
    const owners = await rest(await tokenFor(users.ana), "GET", `/jobs/${id}`);
    expect(owners.json.env.WANDB_API_KEY).toBe("wandb-value-123");
  });

  it("a re-run by someone who cannot see the values keeps them, still hidden from that person", async () => {
    const { users, base, runOnAgent } = await envLab();
    const { id } = await submitJob({ actorId: users.ed.id, ...base, env: { WANDB_API_KEY: "wandb-value-456", SEED: "7" } });
    await runOnAgent(id);
    const eli = await callerFor(users.eli);
    const seen = await eli.jobs.get({ jobId: id });
    // What the job page sends back for "Re-run": the env as Eli got it, masked values null.
    const rerun = await eli.jobs.submit({ ...base, env: seen.env, snapshotId: seen.snapshotId, rerunOfId: id });
    const asEli = await eli.jobs.get({ jobId: rerun.id });
    expect(asEli.env).toEqual({ WANDB_API_KEY: null, SEED: null });
    expect(JSON.stringify(asEli)).not.toContain("wandb-value-456");
    expect((await getJob({ actorId: users.ed.id, jobId: rerun.id })).env).toEqual({ WANDB_API_KEY: "wandb-value-456", SEED: "7" });
    const given = await runOnAgent(rerun.id);
    expect(given.env).toEqual({ WANDB_API_KEY: "wandb-value-456", SEED: "7" });
    // Kept hidden values cannot be turned into `echo $WANDB_API_KEY`, nor joined by new variables
    // (BASH_ENV, LD_PRELOAD...): the re-run must be the same run.
    const changed = /keeps values you cannot see \(SEED, WANDB_API_KEY\), so it must run the same command on the same files with the same variables/;
    await expect(eli.jobs.submit({ ...base, command: "echo $WANDB_API_KEY", env: seen.env, rerunOfId: id })).rejects.toThrow(changed);
    await expect(eli.jobs.submit({ ...base, env: { ...seen.env, BASH_ENV: "/proc/self/environ" }, rerunOfId: id })).rejects.toThrow(changed);
    // The owner sees the values, so may re-run with changes; the values are then the owner's.
    const ana = await callerFor(users.ana);
    const byOwner = await ana.jobs.submit({ ...base, command: "python train.py --fast", env: { WANDB_API_KEY: null, SEED: "8" }, rerunOfId: id });
    expect((await ana.jobs.get({ jobId: byOwner.id })).env).toEqual({ WANDB_API_KEY: "wandb-value-456", SEED: "8" });
    expect((await getJob({ actorId: users.ed.id, jobId: byOwner.id })).env).toEqual({ WANDB_API_KEY: null, SEED: null });
  });

  it("refuses a masked value that names nothing to keep", async () => {
    const { users, base } = await envLab();
    const { id } = await submitJob({ actorId: users.ed.id, ...base, env: { SEED: "7" } });
    const eli = await callerFor(users.eli);
    await expect(eli.jobs.submit({ ...base, env: { OTHER: null }, rerunOfId: id })).rejects.toThrow(/OTHER has no value to keep: the job it re-runs has no variable OTHER/);
    await expect(eli.jobs.submit({ ...base, env: { SEED: null } })).rejects.toThrow(/SEED has no value/);
  });
});

// REST GET /jobs pages the way tRPC's jobs.list does: `before` is the last job id of the
// previous page (it was tRPC only; the two edges are one procedure now).
import { describe, expect, it } from "vitest";
import { submitJob } from "../../server/queue/submit-job";
import { createApiToken } from "../../server/tokens/api-tokens";
import { startTestAgent } from "../support/agent-client";
import { createProjectFor, createUser } from "../support/factories";
import { rest } from "./http";

describe("REST GET /jobs", () => {
  it("takes tRPC's before cursor: the next page starts after the job it names", async () => {
    const ana = await createUser({ name: "Ana Pager" });
    const project = await createProjectFor(ana);
    const { token } = await createApiToken({ actorId: ana.id, name: "pager" });
    const suffix = Math.random().toString(36).slice(2, 8);
    await startTestAgent({ name: `pager-${suffix}`, pool: `pager-${suffix}`, gpus: 1, gpuType: `gpu-${suffix}` });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await submitJob({ actorId: ana.id, projectSlug: project.slug, command: `echo ${i}`, gpus: 1, gpuType: `gpu-${suffix}`, pools: [`pager-${suffix}`] })).id);
    }
    const first = await rest("GET", `/jobs?project=${project.slug}&limit=2`, { token });
    expect(first.status).toBe(200);
    const page1 = (first.json.jobs as { id: string }[]).map((j) => j.id);
    expect(page1).toEqual([ids[2], ids[1]]);
    const second = await rest("GET", `/jobs?project=${project.slug}&limit=2&before=${page1[1]}`, { token });
    expect(second.status).toBe(200);
    expect((second.json.jobs as { id: string }[]).map((j) => j.id)).toEqual([ids[0]]);
    const third = await rest("GET", `/jobs?project=${project.slug}&before=${ids[0]}`, { token });
    expect(third.json.jobs).toEqual([]);
  });
});

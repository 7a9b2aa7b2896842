// A project with an owner, two editors, a viewer, a director and an external, an in-process agent
// in a pool of its own, and a helper that runs a job on it and returns what the agent was given.
import { runSchedulerPass } from "../../server/queue/scheduler-pass";
import { startTestAgent } from "../support/agent-client";
import { addMemberAs, createProjectFor, createUser } from "../support/factories";
import { tag } from "./support";

export async function envLab() {
  const ana = await createUser({ name: "Ana Owner" });
  const ed = await createUser({ name: "Ed Submitter" });
  const eli = await createUser({ name: "Eli Other Editor" });
  const vic = await createUser({ name: "Vic Viewer" });
  const dora = await createUser({ name: "Dora Director", labRole: "director" });
  const xena = await createUser({ name: "Xena External", external: true });
  const project = await createProjectFor(ana);
  await addMemberAs(ana, project, ed, "editor");
  await addMemberAs(ana, project, eli, "editor");
  await addMemberAs(ana, project, vic, "viewer");
  await addMemberAs(ana, project, dora, "viewer");
  await addMemberAs(ana, project, xena, "viewer");
  const pool = `pool-${tag()}`;
  const gpuType = `gpu-${tag()}`;
  const agent = await startTestAgent({ name: `agent-${tag()}`, pool, gpus: 1, gpuType });
  const base = { projectSlug: project.slug, command: "python train.py", gpus: 1, gpuType, pools: [pool] };
  /** Places and claims the job, ends it, and returns what the agent was given. */
  const runOnAgent = async (jobId: string) => {
    // Alive as the pass judges it: the test's own steps can outlast the suite's 2 s heartbeat timeout.
    await agent.heartbeat([]);
    await runSchedulerPass();
    const claimed = await agent.claim();
    const mine = claimed.find((a) => a.jobId === jobId);
    for (const a of claimed) await agent.ended(a, "exited", 0);
    if (!mine) throw new Error(`job ${jobId} was not claimed`);
    return mine;
  };
  return { users: { ana, ed, eli, vic, dora, xena }, project, base, runOnAgent };
}

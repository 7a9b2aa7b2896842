// The checkpoint saver's change detection, against FakeAgentServer (a STAND-IN for the agent API).
// File clocks are coarse: a same-size rewrite can keep its mtime, which the saver must still see.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CheckpointSaver } from "../../cli/agent/checkpoints";
import { AgentClient } from "../../cli/agent/client";
import { FakeAgentServer, sha256 } from "./support/fake-agent-server";

let server: FakeAgentServer;
let client: AgentClient;
let dir: string;
let nodeId = "";

beforeAll(async () => {
  server = await new FakeAgentServer().start();
  client = new AgentClient(server.url, server.token);
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-ckpt-"));
  nodeId = `node-${Math.random().toString(36).slice(2)}`;
});
afterAll(async () => {
  await server.close();
});

const savedShas = () => server.node(nodeId).checkpoints.map((files) => files.map((f) => f.sha256));

describe("checkpoint saver", () => {
  it("saves a same-size rewrite that kept its mtime (a coarse file clock), and nothing when only the clock moved", async () => {
    const file = path.join(dir, "step.txt");
    await fs.writeFile(file, "step 41\n");
    const saver = new CheckpointSaver({ dir, owner: null }, client, nodeId, "1");
    await saver.markCurrentAsSaved([{ path: "step.txt", sha256: sha256("step 41\n"), size: 8, mode: 0o644 }]);
    const { mtime } = await fs.stat(file);

    // Rewritten in place within the same clock tick: same size, same inode, same mtime.
    await fs.writeFile(file, "step 42\n");
    await fs.utimes(file, mtime, mtime);
    expect(await saver.saveIfChanged()).toMatchObject({ saved: true, files: 1, bytes: 8 });

    // Touched, content unchanged: nothing is posted.
    await fs.utimes(file, new Date(), new Date());
    expect(await saver.saveIfChanged()).toEqual({ saved: false, why: "unchanged" });
    expect(savedShas()).toEqual([[sha256("step 42\n")]]);
  });

  it("saves a write-aside-and-rename of the same size, and never re-posts the restored checkpoint", async () => {
    // A whole-second mtime, so the file renamed in below can carry exactly the same one.
    const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
    await fs.writeFile(path.join(dir, "model.pt"), "weights-a");
    await fs.utimes(path.join(dir, "model.pt"), tick, tick);
    const saver = new CheckpointSaver({ dir, owner: null }, client, nodeId, "1");
    await saver.markCurrentAsSaved([{ path: "model.pt", sha256: sha256("weights-a"), size: 9, mode: 0o644 }]);
    expect(await saver.saveIfChanged()).toEqual({ saved: false, why: "unchanged" });

    await fs.writeFile(path.join(dir, "model.tmp"), "weights-b");
    await fs.utimes(path.join(dir, "model.tmp"), tick, tick);
    // Put aside first so the scan sees one file, then renamed over the old one.
    await fs.rename(path.join(dir, "model.tmp"), path.join(dir, "model.pt"));
    expect(await saver.saveIfChanged()).toMatchObject({ saved: true });
    expect(savedShas()).toEqual([[sha256("weights-b")]]);
  });

  it("posts no empty checkpoint", async () => {
    const saver = new CheckpointSaver({ dir, owner: null }, client, nodeId, "1");
    expect(await saver.saveIfChanged()).toEqual({ saved: false, why: "empty" });
    expect(savedShas()).toEqual([]);
  });
});

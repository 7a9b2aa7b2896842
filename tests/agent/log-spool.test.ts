// Log lines go to a spool file first and reach the server in order, once each, whatever the
// server does meanwhile. The server here is FakeAgentServer, a STAND-IN that fails requests on
// purpose (500s, cut connections, answers lost after storing, a stretch where it is "restarting").
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AgentClient } from "../../cli/agent/client";
import { LogSender } from "../../cli/agent/log-sender";
import { BATCH_MAX_LINES, LogSpool } from "../../cli/agent/log-spool";
import { progressInto } from "../../cli/agent/progress";
import { FakeAgentServer, type Fault } from "./support/fake-agent-server";

let server: FakeAgentServer;
let client: AgentClient;
let dir: string;
let n = 0;

beforeAll(async () => {
  server = await new FakeAgentServer().start();
  client = new AgentClient(server.url, server.token);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "benchtop-spool-"));
});
afterEach(() => {
  server.fault = () => null;
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const spoolFile = () => path.join(dir, `logs-${++n}.jsonl`);
const pause = () => new Promise((r) => setTimeout(r, 2));

describe("log spool and sender", () => {
  it("delivers every line in order, without duplicates or gaps, through failures and a server restart", async () => {
    const nodeId = `spool-node-${n}`;
    let logRequests = 0;
    // Request by request: fine, 500, cut connection, stored but the answer lost; requests 12-30
    // all fail as if the server were down for a restart.
    server.fault = (req): Fault => {
      if (!req.path.endsWith("/logs")) return null;
      const i = logRequests++;
      if (i >= 12 && i < 30) return "drop";
      return ([null, 500, null, "drop", null, "lose-answer", null] as Fault[])[i % 7]!;
    };
    const spool = await LogSpool.create(spoolFile());
    const lines: string[] = [];
    // Three batches per request and quick retries, so this short test makes many requests.
    const said: string[] = [];
    const sender = new LogSender(spool, client, nodeId, "7", { progress: progressInto(said), maxBatchesPerRequest: 3, retry: { baseMs: 5, capMs: 50 } });
    // A job printing 30,000 lines in bursts of 200 (each burst its own batch here, so there are
    // many batches and requests), with the event loop turning in between.
    for (let i = 0; i < 30_000; i++) {
      const line = `line ${i} ${"x".repeat(i % 50)}`;
      lines.push(line);
      spool.append(line);
      if (i % 200 === 199) {
        spool.seal();
        await pause();
      }
    }
    expect(await sender.flush(), said.join("\n")).toBe("delivered");
    expect(server.logLines(nodeId)).toEqual(lines);
    const sent = server.node(nodeId).seqsSent;
    // Some batches really were sent more than once (resends after lost answers), and stored once.
    expect(sent.length).toBeGreaterThan(new Set(sent).size);
    expect(Math.max(...[...server.node(nodeId).batches.values()].map((b) => b.length))).toBeLessThanOrEqual(BATCH_MAX_LINES);
    expect(sender.requests).toBeGreaterThan(30);
  });

  it("keeps the job's lines on disk while the server is away, and a restarted agent sends only what was not acknowledged", async () => {
    const nodeId = `spool-node-restart-${n}`;
    const file = spoolFile();
    const first = await LogSpool.create(file);
    const sender = new LogSender(first, client, nodeId, "7");
    for (let i = 0; i < 10; i++) first.append(`early ${i}`);
    await server.waitFor("the first lines", () => server.node(nodeId).batches.size > 0);
    // The acknowledgement reaches the disk a moment after the server has the batch.
    for (let i = 0; (await fs.readFile(`${file}.acked`, "utf8").catch(() => "")) !== "0"; i++) {
      if (i > 400) throw new Error("the acknowledgement never reached the disk");
      await pause();
    }
    // The server goes away; the job keeps printing; the agent dies before it can send.
    server.fault = (req) => (req.path.endsWith("/logs") ? 503 : null);
    for (let i = 0; i < 10; i++) {
      first.append(`late ${i}`);
      first.seal();
    }
    sender.stop();
    await first.close();
    const onDisk = (await fs.readFile(file, "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { seq: number; lines: string[] });
    expect(onDisk.flatMap((b) => b.lines)).toEqual([...Array.from({ length: 10 }, (_, i) => `early ${i}`), ...Array.from({ length: 10 }, (_, i) => `late ${i}`)]);

    server.fault = () => null;
    const sentBefore = server.node(nodeId).seqsSent.length;
    const reopened = await LogSpool.reopen(file);
    expect(await new LogSender(reopened, client, nodeId, "7").flush()).toBe("delivered");
    expect(server.logLines(nodeId)).toEqual(onDisk.flatMap((b) => b.lines));
    // The batch acknowledged before the restart was not sent again.
    expect(server.node(nodeId).seqsSent.slice(sentBefore)).toEqual(onDisk.map((b) => b.seq).filter((s) => s > 0));
  });

  it("a batch the server refuses as bad input is replaced in the job's log by a line saying so, and the lines after it go on (issue 14)", async () => {
    const nodeId = `spool-bad-batch-${n}`;
    // The server refuses any request that carries the line "bad" (as it refused NUL bytes once).
    server.fault = (req) => {
      const batches = (req.body as { batches?: { lines: string[] }[] } | null)?.batches;
      return req.path.endsWith("/logs") && batches?.some((b) => b.lines.includes("bad")) ? 400 : null;
    };
    const progress: string[] = [];
    const spool = await LogSpool.create(spoolFile());
    const sender = new LogSender(spool, client, nodeId, "7", { progress: progressInto(progress) });
    for (const line of ["before", "bad", "after"]) {
      spool.append(line);
      spool.seal();
    }
    expect(await sender.flush()).toBe("delivered");
    expect(server.logLines(nodeId)).toEqual([
      "before",
      "[benchtop agent] the server refused 1 line(s) of this log here, so they are left out: injected fault",
      "after",
    ]);
    expect(progress.join("\n")).toMatch(/logs\.batch_refused .*seq/);
  });

  it("stops for good on a lost lease, and gives up (without looping) on a refused request", async () => {
    const lostNode = `spool-lost-${n}`;
    server.lost.add(lostNode);
    let lost = false;
    const spool = await LogSpool.create(spoolFile());
    const sender = new LogSender(spool, client, lostNode, "7", { onLeaseLost: () => (lost = true) });
    spool.append("anything");
    expect(await sender.flush()).toBe("lease_lost");
    expect(lost).toBe(true);

    server.fault = (req) => (req.path.endsWith("/logs") ? 400 : null);
    const progress: string[] = [];
    const refused = await LogSpool.create(spoolFile());
    const refusedSender = new LogSender(refused, client, `spool-refused-${n}`, "7", { progress: progressInto(progress) });
    refused.append("anything");
    expect(await refusedSender.flush()).toBe("gave_up");
    expect(progress.join("\n")).toMatch(/logs\.refused .*400/);
  });
});

// Real Jupyter kernels (Debian's ipykernel and IRkernel), started by the server's kernel manager
// in its sandbox, spoken to over ZMQ, and driven through the tRPC router the notebook uses.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Fake secrets in the server's environment: none may reach a kernel. Set before the server's
// env module is imported (vi.hoisted runs before the imports below).
const SECRETS = vi.hoisted(() => {
  const values = {
    OIDC_ISSUER: "https://sso.example.test",
    OIDC_CLIENT_ID: "benchtop-test",
    OIDC_CLIENT_SECRET: "oidc-secret-7f3a9c",
    AUTH_GITHUB_ID: "gh-id",
    AUTH_GITHUB_SECRET: "github-secret-1b2c3d",
    BENCHTOP_S3_SECRET_ACCESS_KEY: "s3-secret-9e8d7c",
    BENCHTOP_SECRET_KEY: "benchtop-secret-key-0123456789abcdef0123456789",
    SERVER_ONLY_SETTING: "server-only-value-42",
  };
  Object.assign(process.env, values);
  return values;
});

import { db } from "../../server/db/client";
import { shutdownAllKernels } from "../../server/kernels/registry";
import { addMemberAs, createProjectFor, createUser, type TestUser } from "../support/factories";
import { callerFor, stdoutOf, watch, type Caller } from "./support";

let ana: TestUser;
let caller: Caller;
let projectSlug: string;
let projectId: string;

beforeAll(async () => {
  ana = await createUser({ name: "Ana Souza" });
  const project = await createProjectFor(ana);
  projectSlug = project.slug;
  projectId = project.id;
  await db.file.create({ data: { projectId, path: "data/points.csv", content: Buffer.from("x,y\n1,2\n3,4\n"), sizeBytes: 12 } });
  caller = await callerFor(ana);
});

afterAll(async () => {
  await shutdownAllKernels();
});

describe("a Python kernel", () => {
  let kernelId: string;
  let w: Awaited<ReturnType<typeof watch>>;

  beforeAll(async () => {
    const started = await caller.kernels.start({ projectSlug, notebookPath: "analysis.ipynb", kernelName: "python3" });
    expect(started.state).toBe("idle");
    kernelId = started.kernelId;
    w = await watch(ana, kernelId);
  }, 90_000);
  afterAll(() => w?.close());

  it("lists the installed kernels", async () => {
    const specs = await caller.kernels.specs();
    expect(specs).toContainEqual({ name: "python3", displayName: "Python 3 (ipykernel)", language: "python" });
    expect(specs.map((s) => s.name)).toContain("ir");
  });

  it("executes, with the execution count and the result", async () => {
    const events = await w.run("1+1");
    expect(events.find((e) => e.type === "execute_input")).toMatchObject({ executionCount: expect.any(Number) });
    expect(events.find((e) => e.type === "execute_result")).toMatchObject({ data: { "text/plain": "2" } });
    expect(events.at(-1)).toMatchObject({ type: "execute_reply", status: "ok" });
    // The reply comes after every output of its cell.
    expect(events.findIndex((e) => e.type === "execute_reply")).toBe(events.length - 1);
  });

  it("a run sent before the event stream connects still reaches it, from the start answer's lastEventId", async () => {
    // As the notebook does after a reload: start (the existing kernel) answers, the cell is sent
    // at once, and the browser's stream connects only later.
    const again = await caller.kernels.start({ projectSlug, notebookPath: "analysis.ipynb", kernelName: "python3" });
    expect(again.kernelId).toBe(kernelId);
    const cellId = randomUUID();
    await caller.kernels.execute({ kernelId, code: "6*7", cellId });
    await w.until((e) => e.type === "execute_reply" && e.cellId === cellId);

    const controller = new AbortController();
    const late = await callerFor(ana, controller.signal);
    const stream = (await late.kernels.events({ kernelId, lastEventId: again.lastEventId })) as unknown as AsyncIterable<[string, { type: string; cellId: string | null; data?: Record<string, unknown> }]>;
    const mine: { type: string; data?: Record<string, unknown> }[] = [];
    for await (const [, event] of stream) {
      if (event.cellId === cellId) mine.push(event);
      if (event.type === "execute_reply" && event.cellId === cellId) break;
    }
    controller.abort();
    expect(mine.find((e) => e.type === "execute_result")).toMatchObject({ data: { "text/plain": "42" } });
  });

  it("streams stdout and stderr as they come, in order", async () => {
    const events = await w.run("import sys, time\nprint('first', flush=True)\ntime.sleep(0.3)\nprint('oops', file=sys.stderr, flush=True)\nprint('last')");
    const streams = events.filter((e) => e.type === "stream");
    expect(streams.map((e) => (e.type === "stream" ? `${e.name}:${e.text}` : "")).join("")).toBe("stdout:first\nstderr:oops\nstdout:last\n");
  });

  it("sends rich output: a matplotlib PNG and a pandas HTML table", async () => {
    const plot = await w.run("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 9])\nplt.show()");
    const image = plot.find((e) => e.type === "display_data");
    expect(image?.type === "display_data" && typeof image.data["image/png"]).toBe("string");
    expect(Buffer.from(String((image as { data: Record<string, unknown> }).data["image/png"]), "base64").subarray(1, 4).toString()).toBe("PNG");

    const table = await w.run("import pandas as pd\npd.read_csv('data/points.csv')");
    const result = table.find((e) => e.type === "execute_result");
    expect(result?.type === "execute_result" && String(result.data["text/html"])).toContain("<table");
  });

  it("keeps display ids for updates", async () => {
    const events = await w.run("h = display('one', display_id='d1')\nh.update('two')");
    expect(events.find((e) => e.type === "display_data")).toMatchObject({ displayId: "d1", data: { "text/plain": "'one'" } });
    expect(events.find((e) => e.type === "update_display_data")).toMatchObject({ displayId: "d1", data: { "text/plain": "'two'" } });
  });

  it("reports an error with its coloured traceback", async () => {
    const events = await w.run("def f():\n    return 1 / 0\nf()");
    const error = events.find((e) => e.type === "error");
    expect(error).toMatchObject({ ename: "ZeroDivisionError", evalue: "division by zero" });
    expect(error?.type === "error" && error.traceback.join("\n")).toContain("\x1b[");
    expect(events.at(-1)).toMatchObject({ type: "execute_reply", status: "error" });
  });

  it("clears output", async () => {
    const events = await w.run("from IPython.display import clear_output\nprint('soon gone')\nclear_output(wait=True)\nprint('kept')");
    expect(events.find((e) => e.type === "clear_output")).toMatchObject({ wait: true });
  });

  it("asks for input() and gets the answer back", async () => {
    const cellId = randomUUID();
    await caller.kernels.execute({ kernelId, cellId, code: "name = input('Your name? ')\nprint('hello', name)" });
    const asked = await w.until((e) => e.type === "input_request" && e.cellId === cellId);
    expect(asked.find((e) => e.type === "input_request")).toMatchObject({ prompt: "Your name? ", password: false });
    await caller.kernels.input({ kernelId, value: "Ana" });
    const rest = await w.until((e) => e.type === "execute_reply" && e.cellId === cellId);
    expect(stdoutOf(rest.filter((e) => e.cellId === cellId))).toContain("hello Ana");
    await expect(caller.kernels.input({ kernelId, value: "again" })).rejects.toThrow("not waiting for input");
  });

  it("interrupts a while True loop, and the kernel stays usable", async () => {
    const cellId = randomUUID();
    await caller.kernels.execute({ kernelId, cellId, code: "print('looping', flush=True)\nwhile True:\n    pass" });
    await w.until((e) => e.type === "stream" && e.cellId === cellId);
    expect((await caller.kernels.mine()).find((k) => k.kernelId === kernelId)?.state).toBe("busy");
    await caller.kernels.interrupt({ kernelId });
    const events = await w.until((e) => e.type === "execute_reply" && e.cellId === cellId, 10_000);
    expect(events.find((e) => e.type === "error" && e.cellId === cellId)).toMatchObject({ ename: "KeyboardInterrupt" });
    expect(stdoutOf(await w.run("print(6 * 7)"))).toBe("42\n");
  });

  it("runs in the project's files as an unprivileged user, in the sandbox, without the server's secrets", async () => {
    const events = await w.run(
      [
        "import os, json, socket",
        "out = {'cwd': os.getcwd(), 'files': sorted(os.listdir('data')), 'uid': os.getuid(), 'env': dict(os.environ)}",
        "try:",
        "    socket.create_connection(('1.1.1.1', 53), timeout=1); out['net'] = 'open'",
        "except OSError as e:",
        "    out['net'] = 'closed'",
        "out['etc_writable'] = os.access('/etc', os.W_OK)",
        "print(json.dumps(out))",
      ].join("\n"),
    );
    const out = JSON.parse(stdoutOf(events)) as { cwd: string; files: string[]; uid: number; env: Record<string, string>; net: string; etc_writable: boolean };
    expect(out.cwd).toContain(projectId);
    expect(out.files).toEqual(["points.csv"]);
    if (process.getuid?.() === 0) expect(out.uid).not.toBe(0);
    expect(out.net).toBe("closed");
    expect(out.etc_writable).toBe(false);
    const printed = JSON.stringify(out.env);
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(out.env[name]).toBeUndefined();
      expect(printed).not.toContain(value);
    }
    for (const name of ["DATABASE_URL", "AUTH_SECRET"]) expect(out.env[name]).toBeUndefined();
    expect(printed).not.toContain(process.env.DATABASE_URL!);
    expect(printed).not.toContain(process.env.AUTH_SECRET!);
    expect(Object.keys(out.env).sort()).toEqual(expect.arrayContaining(["HOME", "LANG", "MPLBACKEND", "PATH"]));
  });

  it("restarts with the same id and none of the old state; the stored files are written again, links the kernel left replaced", async () => {
    await w.run("import os, shutil\nshutil.rmtree('data')\nos.symlink('/tmp', 'data')\nremembered = 41");
    expect(stdoutOf(await w.run("print(remembered + 1)"))).toBe("42\n");
    const { state } = await caller.kernels.restart({ kernelId });
    expect(state).toBe("idle");
    await w.until((e) => e.type === "status" && e.state === "restarting");
    const events = await w.run("remembered");
    expect(events.find((e) => e.type === "error")).toMatchObject({ ename: "NameError" });
    expect(stdoutOf(await w.run("import os\nprint(os.path.islink('data'), open('data/points.csv').read())"))).toBe("False x,y\n1,2\n3,4\n\n");
    await expect(fs.stat("/tmp/points.csv")).rejects.toThrow();
  });

  it("gives the same kernel back for the same notebook, and keeps it from everyone else", async () => {
    const again = await caller.kernels.start({ projectSlug, notebookPath: "analysis.ipynb", kernelName: "python3" });
    expect(again.kernelId).toBe(kernelId);
    expect((await caller.kernels.mine()).map((k) => k.kernelId)).toContain(kernelId);

    const ben = await createUser({ name: "Ben Okafor" });
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    await addMemberAs(ana, { ...project, role: "owner" } as never, ben, "editor");
    const benCaller = await callerFor(ben);
    await expect(benCaller.kernels.execute({ kernelId, code: "1", cellId: "c" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(benCaller.kernels.interrupt({ kernelId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(benCaller.kernels.shutdown({ kernelId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await benCaller.kernels.mine()).toEqual([]);

    const vic = await createUser({ name: "Vic Viewer" });
    await addMemberAs(ana, { ...project, role: "owner" } as never, vic, "viewer");
    const vicCaller = await callerFor(vic);
    await expect(vicCaller.kernels.start({ projectSlug, notebookPath: "analysis.ipynb" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("says when the kernel dies", async () => {
    const cellId = randomUUID();
    await caller.kernels.execute({ kernelId, cellId, code: "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)" });
    const events = await w.until((e) => e.type === "status" && e.state === "dead");
    const dead = events.find((e) => e.type === "status" && e.state === "dead");
    expect(dead?.type === "status" && dead.reason).toMatch(/stopped unexpectedly.*SIGKILL/);
    expect(events.find((e) => e.type === "execute_reply" && e.cellId === cellId)).toMatchObject({ status: "aborted" });
    await expect(caller.kernels.execute({ kernelId, code: "1", cellId: "c" })).rejects.toThrow("not running");
    await caller.kernels.restart({ kernelId });
    expect(stdoutOf(await w.run("print('back')"))).toBe("back\n");
  });

  it("shuts down on request, and the event stream says so and ends", async () => {
    await caller.kernels.shutdown({ kernelId });
    const events = await w.until((e) => e.type === "status" && e.state === "shutdown");
    expect(events.at(-1)).toMatchObject({ type: "status", state: "shutdown" });
    await expect(caller.kernels.execute({ kernelId, code: "1", cellId: "c" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller.kernels.mine()).map((k) => k.kernelId)).not.toContain(kernelId);
  });
});

describe("an R kernel", () => {
  it("executes 1+1", async () => {
    const started = await caller.kernels.start({ projectSlug, notebookPath: "stats.ipynb", kernelName: "ir" });
    const w = await watch(ana, started.kernelId);
    const events = await w.run("1+1");
    const result = events.find((e) => e.type === "execute_result" || e.type === "display_data");
    expect(result && "data" in result && String(result.data["text/plain"])).toBe("[1] 2");
    w.close();
    await caller.kernels.shutdown({ kernelId: started.kernelId });
  }, 90_000);
});

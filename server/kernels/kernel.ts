// One running kernel: its process, its sockets, its state, and the events it produced (kept in a
// bounded buffer so a browser that reconnects resumes where it stopped). The kernel id stays the
// same across restarts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { env } from "../env";
import { AppError } from "../errors";
import { log } from "../log";
import { KernelChannels, type Channel, type Endpoints } from "./channels";
import type { TKernelEvent, TKernelEventBody, TKernelState, TKernelView } from "./events";
import type { KernelSpec } from "./kernelspecs";
import { interruptKernelProcesses, signalGroup } from "./process-tree";
import { planLaunch, sandboxEnabled, kernelUser, type KernelUser } from "./sandbox";
import type { JupyterMessage } from "./wire";
import { WireSession } from "./wire";
import { materializeProjectFiles, removeRunDir, runDirFor, workDirFor } from "./workdir";

export type KernelOwner = { userId: string; projectId: string; projectSlug: string; notebookPath: string };

const MAX_EVENTS = 5_000;
const MAX_EVENT_BYTES = 64 * 1024 * 1024;
const START_TIMEOUT_MS = 60_000;
/** After an execute_reply, how long to wait for the iopub idle that follows the last output. */
const OUTPUT_SETTLE_MS = 1_000;

type Execution = { cellId: string; reply: Record<string, unknown> | null; idle: boolean; timer: NodeJS.Timeout | null };

export class Kernel {
  readonly id = randomUUID();
  state: TKernelState = "starting";
  readonly startedAt = new Date();
  lastActivityAt = new Date();

  private events: TKernelEvent[] = [];
  private firstSeq = 1;
  private seq = 0;
  private eventBytes = 0;
  private wakers = new Set<() => void>();

  private child: ChildProcess | null = null;
  private channels: KernelChannels | null = null;
  private runDir: string | null = null;
  private wire: WireSession | null = null;
  private cells = new Map<string, string>();
  private executions = new Map<string, Execution>();
  private pendingInput: JupyterMessage | null = null;
  private expectingExit = false;
  private stderrTail = "";
  private ready: Promise<void> = Promise.resolve();
  private onIopub: (() => void) | null = null;
  private onKernelInfo: (() => void) | null = null;

  constructor(
    readonly spec: KernelSpec,
    readonly owner: KernelOwner,
  ) {}

  view(): TKernelView {
    return {
      kernelId: this.id,
      kernelName: this.spec.name,
      displayName: this.spec.displayName,
      language: this.spec.language,
      projectSlug: this.owner.projectSlug,
      notebookPath: this.owner.notebookPath,
      state: this.state,
      startedAt: this.startedAt,
      lastActivityAt: this.lastActivityAt,
      lastEventId: String(this.seq),
    };
  }

  get alive(): boolean {
    return this.state !== "dead" && this.state !== "shutdown";
  }

  /** Executions sent and not yet answered: a kernel with any is never idle. */
  get running(): number {
    return this.executions.size;
  }

  // ---- events ----

  private emit(cellId: string | null, body: TKernelEventBody) {
    const event = { id: String(++this.seq), cellId, ...body } as TKernelEvent;
    this.events.push(event);
    this.eventBytes += approximateSize(event);
    while (this.events.length > MAX_EVENTS || (this.eventBytes > MAX_EVENT_BYTES && this.events.length > 1)) {
      this.eventBytes -= approximateSize(this.events.shift()!);
      this.firstSeq++;
    }
    for (const wake of this.wakers) wake();
  }

  private setState(state: TKernelState, cellId: string | null = null, reason?: string) {
    if (this.state === state && !reason) return;
    this.state = state;
    this.emit(cellId, reason ? { type: "status", state, reason } : { type: "status", state });
  }

  /**
   * Events after `lastEventId`, then live ones as they come, until the kernel is shut down or
   * `signal` aborts. Without lastEventId it starts with the current state.
   */
  async *subscribe(lastEventId: string | null | undefined, signal?: AbortSignal): AsyncGenerator<TKernelEvent> {
    let after = lastEventId && /^\d+$/.test(lastEventId) ? Number(lastEventId) : null;
    if (after === null) {
      yield { id: String(this.seq), cellId: null, type: "status", state: this.state };
      after = this.seq;
    }
    while (!signal?.aborted) {
      const from = Math.max(0, after + 1 - this.firstSeq);
      const batch = this.events.slice(from);
      for (const event of batch) {
        yield event;
        after = Number(event.id);
      }
      if (this.state === "shutdown" && after >= this.seq) return;
      if (after < this.seq) continue;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.wakers.delete(wake);
          signal?.removeEventListener("abort", wake);
          resolve();
        };
        this.wakers.add(wake);
        signal?.addEventListener("abort", wake);
      });
    }
  }

  // ---- life ----

  /** Starts the process and resolves once it answers on shell and iopub. */
  start(): Promise<void> {
    this.ready = this.launch();
    return this.ready;
  }

  private async launch(): Promise<void> {
    const user = kernelUser();
    const sandboxed = sandboxEnabled();
    const workDir = await workDirFor({ userId: this.owner.userId, projectId: this.owner.projectId, user });
    await materializeProjectFiles({ projectId: this.owner.projectId, dir: workDir, user });
    const { runDir, home } = await runDirFor({ kernelId: this.id, user });
    this.runDir = runDir;

    const key = randomBytes(32).toString("hex");
    const wire = new WireSession(key);
    this.wire = wire;
    const connection = sandboxed ? ipcConnection(runDir) : await tcpConnection();
    const connectionFile = path.join(runDir, "connection.json");
    await writeOwned(connectionFile, JSON.stringify({ ...connection, key, signature_scheme: "hmac-sha256", kernel_name: this.spec.name }), user);

    const argv = this.spec.argv.map((a) => a.replaceAll("{connection_file}", connectionFile).replaceAll("{resource_dir}", this.spec.resourceDir));
    const plan = planLaunch({ argv, specEnv: this.spec.env, workDir, runDir, home, sandboxed });
    this.expectingExit = false;
    this.stderrTail = "";
    const child = spawn(plan.file, plan.args, { env: plan.env as NodeJS.ProcessEnv, cwd: workDir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    const keepTail = (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString("utf8")).slice(-2000));
    child.stdout!.on("data", keepTail);
    child.stderr!.on("data", keepTail);
    const exited = new Promise<string>((resolve) => {
      child.on("error", (e) => resolve(`it could not be launched (${e.message})`));
      child.on("exit", (code, sig) => {
        resolve(exitDescription(code, sig));
        if (this.child === child) this.onExit(code, sig);
      });
    });

    try {
      const endpoints = sandboxed ? await ipcEndpoints(connection as IpcConnection, exited) : tcpEndpoints(connection as TcpConnection);
      this.channels = new KernelChannels(endpoints, wire, (channel, msg) => this.onMessage(channel, msg));
      await this.waitUntilAnswering(exited);
      await fs.rm(connectionFile, { force: true }); // the key lives on in the two processes only
      log.info({ kernelId: this.id, kernel: this.spec.name, sandboxed, user: plan.user?.name ?? null }, "kernel started");
      this.lastActivityAt = new Date();
      this.setState("idle");
    } catch (e) {
      const detail = this.stderrTail.trim().split("\n").slice(-3).join(" ").slice(0, 500);
      const reason = `The ${this.spec.displayName} kernel did not start: ${(e as Error).message}${detail ? ` (${detail})` : ""}.`;
      await this.stopProcess();
      this.setState("dead", null, reason);
      throw new AppError("UNAVAILABLE", reason);
    }
  }

  /** Asks for kernel_info until the kernel answers on shell and its iopub reaches us. */
  private async waitUntilAnswering(exited: Promise<string>): Promise<void> {
    let sawIopub = false;
    let sawInfo = false;
    const both = new Promise<void>((resolve) => {
      const check = () => sawIopub && sawInfo && resolve();
      this.onIopub = () => ((sawIopub = true), check());
      this.onKernelInfo = () => ((sawInfo = true), check());
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    let outcome: "ready" | "poll" | string = "poll";
    try {
      while (outcome === "poll") {
        if (Date.now() > deadline) throw new Error(`no answer within ${START_TIMEOUT_MS / 1000} s`);
        await this.channels!.send("shell", this.wireSession().message("kernel_info_request", {}));
        outcome = await Promise.race([both.then(() => "ready"), exited, sleep(sawInfo ? 100 : 400).then(() => "poll")]);
      }
    } finally {
      this.onIopub = null;
      this.onKernelInfo = null;
    }
    if (outcome !== "ready") throw new Error(outcome);
    if (!(await this.channels!.heartbeat(5_000))) throw new Error("its heartbeat channel did not answer");
  }

  /** The session of the current process (a restart gets a new key and session). */
  private wireSession(): WireSession {
    if (!this.wire) throw new AppError("CONFLICT", "The kernel is not running; restart it first.");
    return this.wire;
  }

  private onExit(code: number | null, sig: NodeJS.Signals | null) {
    this.channels?.close();
    this.channels = null;
    this.abortExecutions();
    // A kernel that dies while starting is reported by launch(), with what it printed.
    if (this.expectingExit || !this.alive || this.state === "starting") return;
    let reason = `The kernel stopped unexpectedly: ${exitDescription(code, sig)}.`;
    if (signalOf(code, sig) === "SIGKILL") reason += ` It may have run out of memory (the limit is ${env.BENCHTOP_KERNEL_MEMORY_MB} MiB, BENCHTOP_KERNEL_MEMORY_MB).`;
    log.warn({ kernelId: this.id, code, signal: sig }, "kernel died");
    this.setState("dead", null, reason + " Restart it to go on.");
  }

  private abortExecutions() {
    for (const [msgId, ex] of this.executions) {
      if (ex.timer) clearTimeout(ex.timer);
      this.emit(ex.cellId, { type: "execute_reply", status: "aborted", executionCount: null });
      this.executions.delete(msgId);
    }
    this.pendingInput = null;
  }

  /** Ends the process: a polite shutdown_request, then SIGTERM, then SIGKILL to its group. */
  private async stopProcess(): Promise<void> {
    const child = this.child;
    this.expectingExit = true;
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await this.channels?.send("control", this.wireSession().message("shutdown_request", { restart: false })).catch(() => undefined);
      if ((await Promise.race([gone.then(() => true), sleep(2_000).then(() => false)])) === false) {
        signalGroup(child.pid!, "SIGTERM");
        if ((await Promise.race([gone.then(() => true), sleep(2_000).then(() => false)])) === false) {
          signalGroup(child.pid!, "SIGKILL");
          await gone;
        }
      }
    }
    this.channels?.close();
    this.channels = null;
    this.abortExecutions();
    if (this.runDir) await removeRunDir(this.runDir);
  }

  async restart(reason?: string): Promise<void> {
    if (this.state === "shutdown") throw new AppError("CONFLICT", "This kernel was shut down; start a new one.");
    await this.ready.catch(() => undefined);
    this.setState("restarting", null, reason);
    // Requests made meanwhile wait for the new process (live() awaits `ready`).
    this.ready = (async () => {
      await this.stopProcess();
      this.setState("starting");
      await this.launch();
    })();
    await this.ready;
  }

  async shutdown(reason?: string): Promise<void> {
    if (this.state === "shutdown") return;
    await this.ready.catch(() => undefined);
    await this.stopProcess();
    this.setState("shutdown", null, reason);
    log.info({ kernelId: this.id, reason }, "kernel shut down");
  }

  // ---- requests ----

  private async live(): Promise<KernelChannels> {
    await this.ready.catch(() => undefined);
    if (!this.channels || !this.alive) {
      throw new AppError("CONFLICT", this.state === "shutdown" ? "This kernel was shut down; start a new one." : "The kernel is not running; restart it first.");
    }
    return this.channels;
  }

  async execute(code: string, cellId: string): Promise<string> {
    const channels = await this.live();
    const msg = this.wireSession().message("execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: true, stop_on_error: true });
    const msgId = msg.header.msg_id;
    this.cells.set(msgId, cellId);
    if (this.cells.size > 10_000) this.cells.delete(this.cells.keys().next().value!);
    this.executions.set(msgId, { cellId, reply: null, idle: false, timer: null });
    this.lastActivityAt = new Date();
    this.setState("busy", cellId);
    await channels.send("shell", msg);
    return msgId;
  }

  async input(value: string): Promise<void> {
    const channels = await this.live();
    const request = this.pendingInput;
    if (!request) throw new AppError("CONFLICT", "The kernel is not waiting for input.");
    this.pendingInput = null;
    await channels.send("stdin", this.wireSession().message("input_reply", { value }, request.header));
  }

  async interrupt(): Promise<void> {
    const channels = await this.live();
    this.pendingInput = null;
    if (this.spec.interruptMode === "message") await channels.send("control", this.wireSession().message("interrupt_request", {}));
    else if (this.child?.pid) interruptKernelProcesses(this.child.pid);
  }

  // ---- messages from the kernel ----

  private onMessage(channel: Channel, msg: JupyterMessage) {
    const parentId = msg.parent_header.msg_id ?? "";
    const cellId = this.cells.get(parentId) ?? null;
    const c = msg.content as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const type = msg.header.msg_type;
    if (channel === "iopub") {
      this.onIopub?.();
      switch (type) {
        case "status":
          if (c.execution_state === "idle") this.outputsSettled(parentId);
          return;
        case "execute_input":
          return this.emit(cellId, { type: "execute_input", executionCount: Number(c.execution_count) });
        case "stream":
          return this.emit(cellId, { type: "stream", name: c.name === "stderr" ? "stderr" : "stdout", text: String(c.text ?? "") });
        case "display_data":
        case "update_display_data":
        case "execute_result": {
          const displayId = c.transient?.display_id;
          return this.emit(cellId, {
            type,
            data: c.data ?? {},
            metadata: c.metadata ?? {},
            ...(typeof c.execution_count === "number" ? { executionCount: c.execution_count } : {}),
            ...(typeof displayId === "string" ? { displayId } : {}),
          });
        }
        case "error":
          return this.emit(cellId, { type: "error", ename: String(c.ename ?? ""), evalue: String(c.evalue ?? ""), traceback: (c.traceback ?? []).map(String) });
        case "clear_output":
          return this.emit(cellId, { type: "clear_output", wait: Boolean(c.wait) });
        default:
          return;
      }
    }
    if (channel === "shell") {
      if (type === "kernel_info_reply") this.onKernelInfo?.();
      if (type === "execute_reply") this.replied(parentId, c);
      return;
    }
    if (channel === "stdin" && type === "input_request") {
      this.pendingInput = msg;
      this.emit(cellId, { type: "input_request", prompt: String(c.prompt ?? ""), password: Boolean(c.password) });
    }
  }

  // An execution ends when both its execute_reply (shell) and its idle status (iopub, after its
  // last output) have arrived; the two sockets do not keep order between them, so the reply event
  // waits for the outputs (or OUTPUT_SETTLE_MS, should an idle status be lost).
  private replied(msgId: string, content: Record<string, unknown>) {
    const ex = this.executions.get(msgId);
    if (!ex) return;
    ex.reply = content;
    if (ex.idle) this.finish(msgId);
    else ex.timer = setTimeout(() => this.finish(msgId), OUTPUT_SETTLE_MS);
  }

  private outputsSettled(msgId: string) {
    const ex = this.executions.get(msgId);
    if (!ex) return;
    ex.idle = true;
    if (ex.reply) this.finish(msgId);
  }

  private finish(msgId: string) {
    const ex = this.executions.get(msgId);
    if (!ex?.reply) return;
    if (ex.timer) clearTimeout(ex.timer);
    this.executions.delete(msgId);
    const status = ex.reply.status === "ok" ? "ok" : ex.reply.status === "aborted" ? "aborted" : "error";
    const count = typeof ex.reply.execution_count === "number" ? ex.reply.execution_count : null;
    this.emit(ex.cellId, { type: "execute_reply", status, executionCount: count });
    this.lastActivityAt = new Date();
    if (this.executions.size === 0 && this.state === "busy") this.setState("idle", ex.cellId);
  }
}

// ---- connection files ----

type TcpConnection = { transport: "tcp"; ip: string; shell_port: number; iopub_port: number; stdin_port: number; control_port: number; hb_port: number };
type IpcConnection = Omit<TcpConnection, "transport"> & { transport: "ipc" };
const CHANNELS = ["shell", "iopub", "stdin", "control", "hb"] as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function tcpConnection(): Promise<TcpConnection> {
  const ports = new Set<number>();
  while (ports.size < 5) ports.add(await freePort());
  const [shell_port, iopub_port, stdin_port, control_port, hb_port] = [...ports] as [number, number, number, number, number];
  return { transport: "tcp", ip: "127.0.0.1", shell_port, iopub_port, stdin_port, control_port, hb_port };
}

function tcpEndpoints(c: TcpConnection): Endpoints {
  return Object.fromEntries(CHANNELS.map((ch) => [ch, `tcp://${c.ip}:${c[`${ch}_port`]}`])) as Endpoints;
}

function ipcConnection(runDir: string): IpcConnection {
  return { transport: "ipc", ip: path.join(runDir, "k"), shell_port: 1, iopub_port: 2, stdin_port: 3, control_port: 4, hb_port: 5 };
}

/**
 * ipc endpoints are files the kernel creates. ipykernel names them `<ip>-<port>`, IRkernel
 * `<ip>:<port>`: wait for them to appear and use the names the kernel chose.
 */
async function ipcEndpoints(c: IpcConnection, exited: Promise<string>): Promise<Endpoints> {
  const dir = path.dirname(c.ip);
  const base = path.basename(c.ip);
  const deadline = Date.now() + START_TIMEOUT_MS;
  let gone: string | null = null;
  void exited.then((why) => (gone = why));
  for (;;) {
    const names = new Set(await fs.readdir(dir));
    const found = CHANNELS.map((ch) => [`${base}-${c[`${ch}_port`]}`, `${base}:${c[`${ch}_port`]}`].find((n) => names.has(n)));
    if (found.every(Boolean)) return Object.fromEntries(CHANNELS.map((ch, i) => [ch, `ipc://${path.join(dir, found[i]!)}`])) as Endpoints;
    if (gone) throw new Error(gone);
    if (Date.now() > deadline) throw new Error(`its sockets did not appear within ${START_TIMEOUT_MS / 1000} s`);
    await sleep(50);
  }
}

async function writeOwned(file: string, text: string, user: KernelUser | null) {
  await fs.writeFile(file, text, { mode: 0o600 });
  if (user) await fs.chown(file, user.uid, user.gid);
}

// bwrap reports a kernel killed by a signal as 128 + the signal's number.
function signalOf(code: number | null, sig: NodeJS.Signals | null): NodeJS.Signals | null {
  if (sig) return sig;
  if (code === null || code <= 128) return null;
  const name = Object.entries(os.constants.signals).find(([, n]) => n === code - 128)?.[0];
  return (name as NodeJS.Signals | undefined) ?? null;
}

function exitDescription(code: number | null, sig: NodeJS.Signals | null): string {
  const signal = signalOf(code, sig);
  return signal ? `it was killed by ${signal}` : `its process exited with status ${code}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function approximateSize(event: TKernelEvent): number {
  if (event.type === "stream") return event.text.length + 64;
  if (event.type === "display_data" || event.type === "execute_result" || event.type === "update_display_data") return JSON.stringify(event.data).length + 64;
  if (event.type === "error") return event.traceback.join("").length + 64;
  return 64;
}

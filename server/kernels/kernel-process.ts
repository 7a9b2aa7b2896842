// A kernel's process: its run dir and connection file, the spawned (sandboxed) program, its five
// ZeroMQ sockets and the wire session that signs what goes over them. It knows nothing of cells,
// events or states: the session (kernel.ts) owns those and gets every message and the exit. Each
// start and restart is a new KernelProcess, with a new key.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { log } from "../log";
import { KernelChannels, type Channel, type Endpoints } from "./channels";
import type { KernelSpec } from "./kernelspecs";
import { interruptKernelProcesses, signalGroup } from "./process-tree";
import { planLaunch, sandboxEnabled, kernelUser, type KernelUser } from "./sandbox";
import type { JupyterMessage } from "./wire";
import { WireSession } from "./wire";
import { removeSocketDir, socketDirFor } from "./runtime-dir";
import { materializeProjectFiles, removeRunDir, runDirFor, workDirFor } from "./workdir";

export const START_TIMEOUT_MS = 60_000;

/** Whose kernel it is: whose work dir and which project's files it starts on. */
export type KernelOwner = { userId: string; projectId: string; projectSlug: string; notebookPath: string };

export type ProcessEvents = {
  /** Every message the kernel sends, once it answers. */
  onMessage: (channel: Channel, msg: JupyterMessage) => void;
  /** The process ended without being asked to (not called for stop(), nor while launching). */
  onExit: (code: number | null, signal: NodeJS.Signals | null) => void;
};

export class KernelProcess {
  private expectingExit = false;
  private answering = false;
  private onIopub: (() => void) | null = null;
  private onKernelInfo: (() => void) | null = null;

  private constructor(
    private readonly spec: KernelSpec,
    private readonly child: ChildProcess,
    private readonly wire: WireSession,
    private readonly runDir: string,
    private readonly socketDir: string | null,
    private channels: KernelChannels | null = null,
  ) {}

  /**
   * Lays out the kernel's files, spawns it and resolves once it answers on shell and iopub and its
   * heartbeat beats. On failure the process is stopped and the error says why, with the last lines
   * it printed.
   */
  static async launch(args: { kernelId: string; spec: KernelSpec; owner: KernelOwner; events: ProcessEvents }): Promise<KernelProcess> {
    const { kernelId, spec, owner, events } = args;
    const user = kernelUser();
    const sandboxed = sandboxEnabled();
    const workDir = await workDirFor({ userId: owner.userId, projectId: owner.projectId, user });
    await materializeProjectFiles({ projectId: owner.projectId, dir: workDir, user });
    const { runDir, home } = await runDirFor({ kernelId, user });

    const key = randomBytes(32).toString("hex");
    const wire = new WireSession(key);
    // Sandboxed kernels have no network: ipc sockets, in a short folder (see runtime-dir.ts).
    const socketDir = sandboxed ? await socketDirFor(user) : null;
    const connection = socketDir ? ipcConnection(socketDir) : await tcpConnection();
    const connectionFile = path.join(runDir, "connection.json");
    await writeOwned(connectionFile, JSON.stringify({ ...connection, key, signature_scheme: "hmac-sha256", kernel_name: spec.name }), user);

    const argv = spec.argv.map((a) => a.replaceAll("{connection_file}", connectionFile).replaceAll("{resource_dir}", spec.resourceDir));
    const plan = planLaunch({ argv, specEnv: spec.env, workDir, runDir, socketDir, home, sandboxed });
    const child = spawn(plan.file, plan.args, { env: plan.env as NodeJS.ProcessEnv, cwd: workDir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const proc = new KernelProcess(spec, child, wire, runDir, socketDir);
    let stderrTail = "";
    const keepTail = (d: Buffer) => (stderrTail = (stderrTail + d.toString("utf8")).slice(-2000));
    child.stdout!.on("data", keepTail);
    child.stderr!.on("data", keepTail);
    const exited = new Promise<string>((resolve) => {
      child.on("error", (e) => resolve(`it could not be launched (${e.message})`));
      child.on("exit", (code, sig) => {
        resolve(exitDescription(code, sig));
        proc.closeChannels();
        // A kernel that dies while starting is reported by launch(), with what it printed.
        if (!proc.expectingExit && proc.answering) events.onExit(code, sig);
      });
    });

    try {
      const endpoints = sandboxed ? await ipcEndpoints(connection as IpcConnection, exited) : tcpEndpoints(connection as TcpConnection);
      proc.channels = new KernelChannels(endpoints, wire, (channel, msg) => proc.received(channel, msg, events));
      await proc.waitUntilAnswering(exited);
      await fs.rm(connectionFile, { force: true }); // the key lives on in the two processes only
      log.info({ kernelId, kernel: spec.name, sandboxed, user: plan.user?.name ?? null }, "kernel started");
      proc.answering = true;
      return proc;
    } catch (e) {
      const detail = stderrTail.trim().split("\n").slice(-3).join(" ").slice(0, 500);
      await proc.stop();
      throw new Error(`${(e as Error).message}${detail ? ` (${detail})` : ""}`);
    }
  }

  /** Whether its sockets are open (false once it exited or was stopped). */
  get connected(): boolean {
    return this.channels !== null;
  }

  /** A message of this process's session; `parent` makes it a reply (input_reply to an input_request). */
  message(type: string, content: Record<string, unknown>, parent?: JupyterMessage["header"]): JupyterMessage {
    return this.wire.message(type, content, parent);
  }

  async send(channel: Exclude<Channel, "iopub">, msg: JupyterMessage): Promise<void> {
    if (!this.channels) throw new Error("the kernel's sockets are closed");
    await this.channels.send(channel, msg);
  }

  /** An interrupt as its kernelspec asks: a control message, or SIGINT to the kernel's processes. */
  async interrupt(): Promise<void> {
    if (this.spec.interruptMode === "message") await this.send("control", this.message("interrupt_request", {}));
    else if (this.child.pid) interruptKernelProcesses(this.child.pid);
  }

  /** Ends the process: a polite shutdown_request, then SIGTERM, then SIGKILL to its group; removes its run and socket dirs. */
  async stop(): Promise<void> {
    const child = this.child;
    this.expectingExit = true;
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await this.send("control", this.message("shutdown_request", { restart: false })).catch(() => undefined);
      if ((await Promise.race([gone.then(() => true), sleep(2_000).then(() => false)])) === false) {
        signalGroup(child.pid!, "SIGTERM");
        if ((await Promise.race([gone.then(() => true), sleep(2_000).then(() => false)])) === false) {
          signalGroup(child.pid!, "SIGKILL");
          await gone;
        }
      }
    }
    this.closeChannels();
    await removeRunDir(this.runDir);
    if (this.socketDir) await removeSocketDir(this.socketDir);
  }

  private closeChannels() {
    this.channels?.close();
    this.channels = null;
  }

  private received(channel: Channel, msg: JupyterMessage, events: ProcessEvents) {
    if (channel === "iopub") this.onIopub?.();
    if (channel === "shell" && msg.header.msg_type === "kernel_info_reply") this.onKernelInfo?.();
    events.onMessage(channel, msg);
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
        await this.send("shell", this.message("kernel_info_request", {}));
        outcome = await Promise.race([both.then(() => "ready"), exited, sleep(sawInfo ? 100 : 400).then(() => "poll")]);
      }
    } finally {
      this.onIopub = null;
      this.onKernelInfo = null;
    }
    if (outcome !== "ready") throw new Error(outcome);
    if (!(await this.channels!.heartbeat(5_000))) throw new Error("its heartbeat channel did not answer");
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

function ipcConnection(socketDir: string): IpcConnection {
  return { transport: "ipc", ip: path.join(socketDir, "k"), shell_port: 1, iopub_port: 2, stdin_port: 3, control_port: 4, hb_port: 5 };
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
export function signalOf(code: number | null, sig: NodeJS.Signals | null): NodeJS.Signals | null {
  if (sig) return sig;
  if (code === null || code <= 128) return null;
  const name = Object.entries(os.constants.signals).find(([, n]) => n === code - 128)?.[0];
  return (name as NodeJS.Signals | undefined) ?? null;
}

export function exitDescription(code: number | null, sig: NodeJS.Signals | null): string {
  const signal = signalOf(code, sig);
  return signal ? `it was killed by ${signal}` : `its process exited with status ${code}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// The five ZMQ sockets to one kernel (shell, control, stdin, iopub, heartbeat), spoken to directly
// from the server process with `zeromq`: no Jupyter server in between, so a cell's round trip is
// one hop over a local socket.
import * as zmq from "zeromq";
import { randomUUID } from "node:crypto";
import type { JupyterMessage, WireSession } from "./wire";

export type Channel = "shell" | "control" | "stdin" | "iopub";

export type Endpoints = Record<Channel | "hb", string>;

export class KernelChannels {
  private readonly shell: zmq.Dealer;
  private readonly control: zmq.Dealer;
  private readonly stdin: zmq.Dealer;
  private readonly iopub: zmq.Subscriber;
  private closed = false;

  constructor(
    private readonly endpoints: Endpoints,
    private readonly wire: WireSession,
    private readonly onMessage: (channel: Channel, msg: JupyterMessage) => void,
  ) {
    // The kernel sends input_request to the identity that sent the execute_request, on the stdin
    // socket: shell and stdin must share one routing id.
    const identity = `benchtop-${randomUUID()}`;
    this.shell = new zmq.Dealer({ routingId: identity, linger: 0 });
    this.stdin = new zmq.Dealer({ routingId: identity, linger: 0 });
    this.control = new zmq.Dealer({ linger: 0 });
    this.iopub = new zmq.Subscriber({ linger: 0 });
    this.iopub.subscribe();
    this.shell.connect(endpoints.shell);
    this.stdin.connect(endpoints.stdin);
    this.control.connect(endpoints.control);
    this.iopub.connect(endpoints.iopub);
    for (const [channel, socket] of [["shell", this.shell], ["control", this.control], ["stdin", this.stdin], ["iopub", this.iopub]] as const) {
      void this.receive(channel, socket);
    }
  }

  private async receive(channel: Channel, socket: zmq.Dealer | zmq.Subscriber) {
    try {
      for await (const parts of socket) {
        const msg = this.wire.parse(parts);
        if (msg) this.onMessage(channel, msg);
      }
    } catch {
      // Closed: the loop ends with the socket.
    }
  }

  async send(channel: Exclude<Channel, "iopub">, msg: JupyterMessage<object>): Promise<void> {
    if (this.closed) return;
    const socket = channel === "shell" ? this.shell : channel === "control" ? this.control : this.stdin;
    await socket.send(this.wire.serialize(msg));
  }

  /** One heartbeat: true when the kernel echoes within timeoutMs. */
  async heartbeat(timeoutMs: number): Promise<boolean> {
    const hb = new zmq.Request({ linger: 0, receiveTimeout: timeoutMs, sendTimeout: timeoutMs });
    try {
      hb.connect(this.endpoints.hb);
      await hb.send("ping");
      await hb.receive();
      return true;
    } catch {
      return false;
    } finally {
      hb.close();
    }
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    for (const s of [this.shell, this.control, this.stdin, this.iopub]) s.close();
  }
}

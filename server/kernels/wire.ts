// The Jupyter messaging protocol's wire format (v5.3): a multipart message of routing ids, the
// delimiter, an HMAC-SHA256 signature over the four JSON frames, then header, parent header,
// metadata, content and any binary buffers.
// https://jupyter-client.readthedocs.io/en/stable/messaging.html#the-wire-protocol
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

const DELIMITER = "<IDS|MSG>";
export const PROTOCOL_VERSION = "5.3";

export type JupyterHeader = {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
};

export type JupyterMessage<C = Record<string, unknown>> = {
  header: JupyterHeader;
  parent_header: Partial<JupyterHeader>;
  metadata: Record<string, unknown>;
  content: C;
  buffers: Buffer[];
};

/** One client session: the session id every header carries and the key that signs. */
export class WireSession {
  readonly session = randomUUID();
  constructor(private readonly key: string) {}

  message<C extends object>(msgType: string, content: C, parent: Partial<JupyterHeader> = {}): JupyterMessage<C> {
    return {
      header: { msg_id: randomUUID(), msg_type: msgType, session: this.session, username: "benchtop", date: new Date().toISOString(), version: PROTOCOL_VERSION },
      parent_header: parent,
      metadata: {},
      content,
      buffers: [],
    };
  }

  private sign(frames: Buffer[]): string {
    if (!this.key) return "";
    const hmac = createHmac("sha256", this.key);
    for (const f of frames) hmac.update(f);
    return hmac.digest("hex");
  }

  /** The frames to send on a DEALER (no routing ids: the socket adds its own). */
  serialize(msg: JupyterMessage<object>): Buffer[] {
    const frames = [msg.header, msg.parent_header, msg.metadata, msg.content].map((part) => Buffer.from(JSON.stringify(part)));
    return [Buffer.from(DELIMITER), Buffer.from(this.sign(frames)), ...frames, ...msg.buffers];
  }

  /** Parses a received multipart message; null when it is malformed or its signature is wrong. */
  parse(parts: Buffer[]): JupyterMessage | null {
    const at = parts.findIndex((p) => p.length === DELIMITER.length && p.toString() === DELIMITER);
    if (at < 0 || parts.length < at + 6) return null;
    const signature = parts[at + 1]!;
    const frames = parts.slice(at + 2, at + 6);
    const expected = Buffer.from(this.sign(frames));
    if (this.key && (expected.length !== signature.length || !timingSafeEqual(expected, signature))) return null;
    try {
      const [header, parent_header, metadata, content] = frames.map((f) => JSON.parse(f.toString("utf8")) as Record<string, unknown>);
      return {
        header: header as unknown as JupyterHeader,
        parent_header: parent_header as Partial<JupyterHeader>,
        metadata: metadata ?? {},
        content: content ?? {},
        buffers: parts.slice(at + 6),
      };
    } catch {
      return null;
    }
  }
}

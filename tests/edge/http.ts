// Requests to the edges as they arrive over HTTP, handled in process: the REST dispatcher, the tRPC
// route handler Next serves, the byte routes and the agent API, each with a plain web Request.
import { GET as trpcGet, POST as trpcPost } from "../../app/api/trpc/[trpc]/route";
import { dispatchRest } from "../../server/rest/edge";

export const BASE = "http://localhost:3000";

// json is what JSON.parse gives: answers of many shapes, read field by field in tests.
export type Answer = { status: number; headers: Headers; text: string; json: ReturnType<typeof JSON.parse> };

export async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: Answer["json"] = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

type Options = { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> };

function headersFor(opts: Options): Record<string, string> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return { ...headers, ...opts.headers };
}

/** A REST call through dispatchRest; `path` is under /api/v1 and is sent as written (no re-encoding). */
export async function rest(method: string, path: string, opts: Options = {}): Promise<Answer> {
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  return answerOf(await dispatchRest(new Request(`${BASE}/api/v1${path}`, { method, headers: headersFor(opts), body })));
}

/** A tRPC call through the route handler: a query by GET, a mutation by POST, superjson's envelope. */
export async function trpc(kind: "query" | "mutation", path: string, input: unknown, opts: Options = {}): Promise<Answer> {
  const envelope = JSON.stringify({ json: input });
  if (kind === "query") {
    const url = `${BASE}/api/trpc/${path}?input=${encodeURIComponent(envelope)}`;
    return answerOf(await trpcGet(new Request(url, { headers: headersFor(opts) })));
  }
  const headers = { "content-type": "application/json", ...headersFor(opts) };
  return answerOf(await trpcPost(new Request(`${BASE}/api/trpc/${path}`, { method: "POST", headers, body: opts.rawBody ?? envelope })));
}

/** The events of a tRPC subscription's SSE answer, read until `until` says stop (or the stream ends). */
export async function sseEvents(res: Response, until: (event: { event: string; data: string }) => boolean) {
  const events: { event: string; data: string }[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
        const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
        events.push({ event, data });
        if (until(events[events.length - 1]!)) return events;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return events;
}

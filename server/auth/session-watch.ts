// An event stream (tRPC subscriptions over SSE: job logs, kernel events) is authenticated once,
// when it opens, and may then stay open for hours. So that ending a session also ends the streams
// it opened, a stream's request gets a signal that aborts once its session is gone; the session
// row is looked up again every few seconds, for open streams only.
import { hasSessionCookie, sessionUser } from "./session-cookie";

export function endsWithItsSession(req: Request, opts: { everyMs?: number } = {}): Request {
  const cookie = req.headers.get("cookie");
  const stream = req.headers.get("accept")?.includes("text/event-stream");
  if (!stream || req.headers.has("authorization") || !hasSessionCookie(cookie)) return req;
  const ended = new AbortController();
  const timer = setInterval(() => {
    void sessionUser(cookie).then(
      (user) => {
        if (!user) ended.abort(new Error("The session ended."));
      },
      () => undefined, // a database hiccup is not the end of a session; the next look decides
    );
  }, opts.everyMs ?? 5_000);
  const stop = () => clearInterval(timer);
  req.signal.addEventListener("abort", stop, { once: true });
  ended.signal.addEventListener("abort", stop, { once: true });
  return new Request(req, { signal: AbortSignal.any([req.signal, ended.signal]) });
}

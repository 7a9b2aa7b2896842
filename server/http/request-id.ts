import { randomUUID } from "node:crypto";

/** The caller's X-Request-Id when it looks sane, otherwise a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

// What the custom HTTP server (scripts/start.ts) refuses before Next sees a request, because
// Next would answer it with a plain-text 500 and log nothing: methods Benchtop does not speak
// (TRACE, PROPFIND, ...) and addresses whose percent-encoding is not UTF-8 (Next throws while it
// decodes the route's params) or that hold a NUL byte. The answer is the usual JSON error.
import { randomUUID } from "node:crypto";
import { errorResponse } from "./error-answer";
import { API_POLICY } from "./security-headers";

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** The first percent-escape run of `part` that is not UTF-8, or null when it all decodes. */
function malformedEscape(part: string, plusIsSpace: boolean): string | null {
  try {
    decodeURIComponent(plusIsSpace ? part.replace(/\+/g, " ") : part);
    return null;
  } catch {
    for (const run of part.match(/(?:%[0-9A-Za-z]{0,2})+/g) ?? []) {
      try {
        decodeURIComponent(run);
      } catch {
        return run;
      }
    }
    return part;
  }
}

/**
 * Why this request target cannot be served, in a sentence, or null. Shared with the REST
 * dispatcher. A NUL byte is refused here only where no edge names the field it landed in:
 * pages (a page would query the database with it); the APIs refuse it per field themselves.
 */
export function addressFault(target: string): string | null {
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? "" : target.slice(q + 1);
  const bad = malformedEscape(path, false) ?? query.split("&").map((p) => malformedEscape(p, true)).find((b) => b !== null) ?? null;
  if (bad !== null) return `The address has a malformed percent-encoding ("${bad}"); encode each byte as %XX of UTF-8.`;
  if (/%00/.test(target) && !path.startsWith("/api/")) return "The address contains a NUL byte (%00), which Benchtop cannot store.";
  return null;
}

/** A JSON refusal (the one error shape, server/http/error-answer.ts) for a request Next must not see, or null to let it through. */
export function frontDoorRefusal(method: string, target: string, requestId: string = randomUUID()): Response | null {
  const headers = { "content-security-policy": API_POLICY };
  if (!(METHODS as readonly string[]).includes(method.toUpperCase())) {
    const message = `Benchtop does not answer ${method} requests; use ${METHODS.slice(0, -1).join(", ")} or OPTIONS.`;
    return errorResponse({ status: 405, code: "method_not_allowed", message, requestId }, { ...headers, allow: METHODS.join(", ") });
  }
  const fault = addressFault(target);
  return fault ? errorResponse({ status: 400, code: "bad_request", message: fault, requestId }, headers) : null;
}

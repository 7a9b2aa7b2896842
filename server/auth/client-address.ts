// Which client a request comes from, for the per-client sign-in limit. Next keeps whatever
// X-Forwarded-For a client sends, so it cannot be believed on its own: scripts/start.ts stamps
// each request with its socket's peer address, and only behind a proxy that appends the real
// client to X-Forwarded-For (BENCHTOP_TRUST_PROXY) is that header's last entry used instead.
import { env } from "../env";

export const PEER_HEADER = "x-benchtop-peer-address";

export function clientAddress(headers: Headers): string {
  if (env.BENCHTOP_TRUST_PROXY) {
    const last = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return headers.get(PEER_HEADER) || "unknown";
}

// One server secret, several keys: BENCHTOP_SECRET_KEY (or, when unset, AUTH_SECRET) stretched
// with HKDF into a key per purpose, so the key that signs local storage URLs is never the one that
// encrypts data-store credentials or jobs' secret variables. Changing the secret invalidates all:
// stores then ask for their credentials again, outstanding URLs stop working, and queued jobs with
// secret variables fail to start, saying so.
import { hkdfSync } from "node:crypto";
import { env } from "../env";
import { AppError } from "../errors";

const cache = new Map<string, Buffer>();

export function derivedKey(purpose: "local-storage-urls" | "data-store-credentials" | "job-secret-env"): Buffer {
  const cached = cache.get(purpose);
  if (cached) return cached;
  const secret = env.BENCHTOP_SECRET_KEY ?? env.AUTH_SECRET;
  if (!secret) {
    throw new AppError("UNAVAILABLE", "Set BENCHTOP_SECRET_KEY (32+ characters) or AUTH_SECRET: Benchtop needs it to sign storage URLs and encrypt store credentials.");
  }
  const key = Buffer.from(hkdfSync("sha256", secret, "benchtop", `benchtop ${purpose} v1`, 32));
  cache.set(purpose, key);
  return key;
}

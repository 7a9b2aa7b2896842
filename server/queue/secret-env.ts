// A job's secret variables at rest (`--secret-env K=V`): AES-256-GCM with a key derived from
// BENCHTOP_SECRET_KEY (or AUTH_SECRET) for this purpose alone, in the layout data-store
// credentials use: version byte 1 | 12-byte IV | 16-byte tag | ciphertext of the JSON. Decrypted
// only to build an agent's assignment (claim.ts) and to carry them into a re-run; never returned,
// logged or put in an audit event.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "../storage/secret-key";

export class SecretEnvUnreadableError extends Error {
  override name = "SecretEnvUnreadableError";
  constructor() {
    super("the job's secret variables cannot be read: BENCHTOP_SECRET_KEY (or AUTH_SECRET) changed since it was submitted; submit it again with its secrets");
  }
}

export function encryptSecretEnv(values: Record<string, string>): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("job-secret-env"), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]));
}

export function decryptSecretEnv(bytes: Uint8Array): Record<string, string> {
  const buf = Buffer.from(bytes);
  try {
    if (buf[0] !== 1 || buf.length < 29) throw new Error("unknown layout");
    const decipher = createDecipheriv("aes-256-gcm", derivedKey("job-secret-env"), buf.subarray(1, 13));
    decipher.setAuthTag(buf.subarray(13, 29));
    return JSON.parse(Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString("utf8")) as Record<string, string>;
  } catch {
    throw new SecretEnvUnreadableError();
  }
}

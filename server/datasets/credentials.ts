// Data-store credentials at rest: AES-256-GCM with a key derived from BENCHTOP_SECRET_KEY (or
// AUTH_SECRET). Layout: version byte 1 | 12-byte IV | 16-byte tag | ciphertext of the JSON.
// Decrypted only in this process, for the S3 client; never returned, logged or sent to an agent.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { derivedKey } from "../storage/secret-key";

export type StoreCredentials = { accessKeyId: string; secretAccessKey: string };

export function encryptCredentials(c: StoreCredentials): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("data-store-credentials"), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(c), "utf8"), cipher.final()]);
  const out = Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
  return new Uint8Array(out);
}

export function decryptCredentials(bytes: Uint8Array, storeName: string): StoreCredentials {
  const buf = Buffer.from(bytes);
  try {
    if (buf[0] !== 1) throw new Error("unknown version");
    const decipher = createDecipheriv("aes-256-gcm", derivedKey("data-store-credentials"), buf.subarray(1, 13));
    decipher.setAuthTag(buf.subarray(13, 29));
    const json = Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString("utf8");
    return JSON.parse(json) as StoreCredentials;
  } catch {
    throw new AppError(
      "UNAVAILABLE",
      `The credentials of the data store "${storeName}" cannot be read: BENCHTOP_SECRET_KEY (or AUTH_SECRET) changed since they were saved. A lab admin can enter them again.`,
    );
  }
}

/** What a browser may see of an access key id: its last 4 characters. */
export function accessKeyIdHint(accessKeyId: string): string {
  return `…${accessKeyId.slice(-4)}`;
}

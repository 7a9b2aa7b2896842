// For the "data belongs to projects" tests: the tRPC caller the browser uses, the REST dispatcher
// with a real API token, and a temp folder under BENCHTOP_LOCAL_STORE_ROOTS for local stores.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { createCaller } from "../../server/api/root";
import { env } from "../../server/env";
import type { Actor } from "../../server/auth/actor";
import { log } from "../../server/log";
import { dispatchRest } from "../../server/rest/edge";
import { createApiToken } from "../../server/tokens/api-tokens";
import { findUser } from "../../server/users/users";
import type { TestUser } from "../support/factories";

export const tag = () => randomUUID().slice(0, 8);

export async function callerFor(user: TestUser) {
  const full = await findUser(user.id);
  return createCaller({ actor: { ...full!, via: "session" } as Actor, requestId: "test", log });
}

export async function tokenFor(user: TestUser): Promise<string> {
  return (await createApiToken({ actorId: user.id, name: `test-${tag()}` })).token;
}

/** One REST call through the real dispatcher, as a script with an API token makes it. */
export async function rest(token: string, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await dispatchRest(new Request(`http://benchtop.test/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

/** A fresh folder inside the first allowed root (tests/support/setup-env.ts sets the roots). */
export async function storeFolder(label = "store"): Promise<string> {
  const root = env.localStoreRoots[0]!;
  await fs.mkdir(root, { recursive: true });
  return fs.mkdtemp(path.join(root, `${label}-`));
}

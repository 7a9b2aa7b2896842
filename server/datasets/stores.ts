// Data stores: where datasets live (an S3-compatible endpoint, or a folder on the server).
// Registered by lab admins and directors, checked before they are saved (a wrong key is refused
// in words), credentials encrypted at rest and never returned: at most the key id's last 4.
// A local store's folder must lie under BENCHTOP_LOCAL_STORE_ROOTS (storage/local-roots.ts).
// External collaborators see a store's name and kind only.
import fs from "node:fs/promises";
import path from "node:path";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { localFolderRefusal } from "../storage/local-roots";
import { StoreAccessError } from "../storage/object-store";
import { checkS3Connection } from "../storage/s3-store";
import { isDirector } from "../users/users";
import { accessKeyIdHint, decryptCredentials, encryptCredentials, type StoreCredentials } from "./credentials";
import { ZDataStoreForExternal, type TCreateStoreInput, type TDataStore, type TDataStoreView, type TUpdateStoreInput } from "./schemas";

const storeSelect = {
  id: true,
  name: true,
  kind: true,
  endpoint: true,
  region: true,
  forcePathStyle: true,
  localRoot: true,
  credentials: true,
  createdAt: true,
  _count: { select: { datasets: true } },
} as const;

type Row = { id: string; name: string; kind: "local" | "s3"; endpoint: string | null; region: string; forcePathStyle: boolean; localRoot: string | null; credentials: Uint8Array | null; createdAt: Date; _count: { datasets: number } };

/** The only way a store leaves the server: the credentials reduced to a flag and 4 characters. */
function toDataStore(row: Row): TDataStore {
  let hint: string | null = null;
  if (row.credentials) {
    try {
      hint = accessKeyIdHint(decryptCredentials(row.credentials, row.name).accessKeyId);
    } catch {
      hint = null; // unreadable with the current key: the store says so when used
    }
  }
  const { credentials, _count, ...rest } = row;
  return { ...rest, hasCredentials: credentials !== null, accessKeyIdHint: hint, datasetCount: _count.datasets };
}

export async function requireLabAdmin(actorId: string) {
  const user = await db.user.findUnique({ where: { id: actorId }, select: { labRole: true } });
  if (!user || !isDirector(user.labRole)) throw new AppError("FORBIDDEN", "Only lab admins and directors can manage data stores.");
}

type Connection = { kind: "local" | "s3"; endpoint: string | null; region: string; forcePathStyle: boolean; localRoot: string | null; credentials: StoreCredentials | null };

/** Checks that the store answers with these settings; the sentence names what is wrong. */
async function checkConnection(c: Connection, testBucket?: string): Promise<void> {
  try {
    if (c.kind === "local") {
      if (!c.localRoot) throw new StoreAccessError("A local store needs a folder (localRoot).");
      await fs.mkdir(c.localRoot, { recursive: true });
      await fs.access(c.localRoot, fs.constants.R_OK | fs.constants.W_OK);
      if (testBucket) await fs.access(path.join(c.localRoot, testBucket));
    } else {
      await checkS3Connection({ endpoint: c.endpoint, region: c.region, forcePathStyle: c.forcePathStyle, credentials: c.credentials }, testBucket);
    }
  } catch (e) {
    if (e instanceof StoreAccessError) throw new AppError("BAD_REQUEST", e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new AppError("BAD_REQUEST", `The folder ${c.localRoot}${testBucket ? `/${testBucket}` : ""} cannot be used (${code}).`);
    throw e;
  }
}

function credentialsOf(input: { accessKeyId?: string; secretAccessKey?: string }): StoreCredentials | null | undefined {
  if (!input.accessKeyId && !input.secretAccessKey) return undefined;
  if (!input.accessKeyId || !input.secretAccessKey) {
    throw new AppError("BAD_REQUEST", "Give both the access key id and the secret access key.", {
      [input.accessKeyId ? "secretAccessKey" : "accessKeyId"]: ["is required with the other key"],
    });
  }
  return { accessKeyId: input.accessKeyId.trim(), secretAccessKey: input.secretAccessKey.trim() };
}

function validate(c: Pick<Connection, "kind" | "localRoot">) {
  if (c.kind === "local" && !c.localRoot) throw new AppError("BAD_REQUEST", "A local store needs a folder: localRoot.", { localRoot: ["is required for a local store"] });
  if (c.kind === "local" && c.localRoot && !path.isAbsolute(c.localRoot)) throw new AppError("BAD_REQUEST", "localRoot must be an absolute path.", { localRoot: ["must be an absolute path"] });
  if (c.kind === "s3" && c.localRoot) throw new AppError("BAD_REQUEST", "An S3 store has no localRoot.", { localRoot: ["is only for local stores"] });
  // Before anything touches the folder (checkConnection makes it).
  const refusal = c.kind === "local" && c.localRoot ? localFolderRefusal(c.localRoot) : null;
  if (refusal) throw new AppError("BAD_REQUEST", refusal, { localRoot: [refusal] });
}

/** Any signed-in person may see the stores (to pick one for a dataset); externals only by name and kind. */
export async function listStores(args: { actorId: string }): Promise<TDataStoreView[]> {
  const actor = await db.user.findUnique({ where: { id: args.actorId }, select: { external: true } });
  const rows = await db.dataStore.findMany({ orderBy: { name: "asc" }, select: storeSelect });
  if (!actor || actor.external) return rows.map((r) => ZDataStoreForExternal.parse(r));
  return rows.map(toDataStore);
}

export async function createStore(args: { actorId: string } & TCreateStoreInput): Promise<TDataStore> {
  await requireLabAdmin(args.actorId);
  const credentials = credentialsOf(args) ?? null;
  const c: Connection = {
    kind: args.kind,
    endpoint: args.kind === "s3" ? (args.endpoint ?? null) : null,
    region: args.region ?? "us-east-1",
    forcePathStyle: args.forcePathStyle ?? false,
    localRoot: args.kind === "local" ? (args.localRoot ? path.resolve(args.localRoot) : null) : null,
    credentials,
  };
  validate(c);
  if (await db.dataStore.findUnique({ where: { name: args.name }, select: { id: true } })) {
    throw new AppError("CONFLICT", `A data store named "${args.name}" exists already.`, { name: ["is taken"] });
  }
  await checkConnection(c, args.testBucket);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.dataStore.create({
      data: {
        name: args.name,
        kind: c.kind,
        endpoint: c.endpoint,
        region: c.region,
        forcePathStyle: c.forcePathStyle,
        localRoot: c.localRoot,
        credentials: credentials ? encryptCredentials(credentials) : null,
        createdById: args.actorId,
      },
      select: storeSelect,
    });
    await recordAuditEvent(tx, { actorId: args.actorId, action: "datastore.created", target: args.name, data: { kind: c.kind } });
    return created;
  });
  return toDataStore(row);
}

export async function updateStore(args: { actorId: string } & TUpdateStoreInput): Promise<TDataStore> {
  await requireLabAdmin(args.actorId);
  const row = await db.dataStore.findUnique({ where: { id: args.id }, select: storeSelect });
  if (!row) throw new AppError("NOT_FOUND", "The data store was not found.");
  const given = credentialsOf(args);
  const credentials = args.clearCredentials ? null : given !== undefined ? given : row.credentials ? decryptCredentials(row.credentials, row.name) : null;
  const c: Connection = {
    kind: row.kind,
    endpoint: args.endpoint !== undefined ? args.endpoint : row.endpoint,
    region: args.region ?? row.region,
    forcePathStyle: args.forcePathStyle ?? row.forcePathStyle,
    localRoot: args.localRoot !== undefined && args.localRoot !== null ? path.resolve(args.localRoot) : row.localRoot,
    credentials,
  };
  validate(c);
  if (args.name && args.name !== row.name && (await db.dataStore.findUnique({ where: { name: args.name }, select: { id: true } }))) {
    throw new AppError("CONFLICT", `A data store named "${args.name}" exists already.`, { name: ["is taken"] });
  }
  await checkConnection(c, args.testBucket);
  const updated = await db.$transaction(async (tx) => {
    const u = await tx.dataStore.update({
      where: { id: row.id },
      data: {
        name: args.name ?? row.name,
        endpoint: c.endpoint,
        region: c.region,
        forcePathStyle: c.forcePathStyle,
        localRoot: c.localRoot,
        ...(args.clearCredentials || given !== undefined ? { credentials: credentials ? encryptCredentials(credentials) : null } : {}),
      },
      select: storeSelect,
    });
    await recordAuditEvent(tx, {
      actorId: args.actorId,
      action: "datastore.updated",
      target: u.name,
      data: { credentialsChanged: Boolean(args.clearCredentials || given !== undefined) },
    });
    return u;
  });
  return toDataStore(updated);
}

export async function deleteStore(args: { actorId: string; id: string }): Promise<void> {
  await requireLabAdmin(args.actorId);
  const row = await db.dataStore.findUnique({ where: { id: args.id }, select: { id: true, name: true, _count: { select: { datasets: true } } } });
  if (!row) throw new AppError("NOT_FOUND", "The data store was not found.");
  if (row._count.datasets > 0) {
    throw new AppError("CONFLICT", `The data store "${row.name}" holds ${row._count.datasets} dataset${row._count.datasets === 1 ? "" : "s"}; remove them first.`);
  }
  await db.$transaction(async (tx) => {
    await tx.dataStore.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, { actorId: args.actorId, action: "datastore.deleted", target: row.name });
  });
}

export async function testStore(args: { actorId: string; id: string; testBucket?: string }): Promise<{ ok: boolean; message: string }> {
  await requireLabAdmin(args.actorId);
  const row = await db.dataStore.findUnique({ where: { id: args.id }, select: storeSelect });
  if (!row) throw new AppError("NOT_FOUND", "The data store was not found.");
  try {
    validate(row);
    await checkConnection(
      { ...row, credentials: row.credentials ? decryptCredentials(row.credentials, row.name) : null },
      args.testBucket,
    );
    return { ok: true, message: args.testBucket ? `The store answers and holds the bucket "${args.testBucket}".` : "The store answers and accepts its credentials." };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message };
    throw e;
  }
}

// A job's files, frozen at submission. From the browser: the project's files as stored. From the
// CLI: the current directory (respecting .gitignore), uploaded blob by blob (only what the project
// lacks). A snapshot is shared by content across projects, but each project that uses one has
// registered it (SnapshotProject), so an id alone opens nothing.
import type { TManifest } from "../../contract/agent-protocol";
import { db } from "../db/client";
import { AppError } from "../errors";
import { projectAccess, type ProjectArgs } from "../projects/access";
import { assertSafeRelativePath, putBlob, putManifest, readManifest, sha256Of } from "../storage/blobs";
import { blobsMissingForProject, recordProjectBlobs } from "./project-blobs";

export const snapshotKey = (id: string) => `snapshots/${id}.json`;

async function recordSnapshot(projectId: string, manifest: TManifest): Promise<string> {
  const { id } = await putManifest("snapshots", manifest);
  // ON CONFLICT DO NOTHING: many jobs of one directory are submitted at once (createMany's skipDuplicates).
  await db.snapshot.createMany({
    data: [{ id, fileCount: manifest.files.length, totalBytes: manifest.files.reduce((n, f) => n + f.size, 0) }],
    skipDuplicates: true,
  });
  await db.snapshotProject.createMany({ data: [{ snapshotId: id, projectId }], skipDuplicates: true });
  return id;
}

/** Snapshot of the project's files as Benchtop stores them (the browser's "run as job"). */
export async function snapshotProjectFiles(args: ProjectArgs): Promise<string> {
  const { project } = await projectAccess(args, "editor", "write");
  const files = await db.file.findMany({ where: { projectId: project.id }, select: { path: true, content: true } });
  const manifest: TManifest = { files: [] };
  for (const f of files) {
    const bytes = Buffer.from(f.content);
    const sha256 = sha256Of(bytes);
    await putBlob(sha256, bytes);
    manifest.files.push({ path: f.path, sha256, size: bytes.length, mode: f.path.endsWith(".sh") ? 0o755 : 0o644 });
  }
  await recordProjectBlobs(db, project.id, manifest.files.map((f) => f.sha256));
  return recordSnapshot(project.id, manifest);
}

/** Snapshot from a manifest whose blobs the caller uploaded to this project first (the CLI). */
export async function createSnapshot(args: ProjectArgs & { manifest: TManifest }): Promise<string> {
  const { project } = await projectAccess(args, "editor", "write");
  const seen = new Set<string>();
  for (const f of args.manifest.files) {
    assertSafeRelativePath(f.path);
    if (seen.has(f.path)) throw new AppError("BAD_REQUEST", `The file "${f.path}" is listed twice.`);
    seen.add(f.path);
  }
  const missing = await blobsMissingForProject(project.id, args.manifest.files.map((f) => f.sha256));
  if (missing.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `${missing.length} file(s) of the snapshot were not uploaded first (e.g. ${missing[0]}): upload each with PUT /api/v1/blobs/{sha256}?project=${project.slug}.`,
    );
  }
  return recordSnapshot(project.id, args.manifest);
}

/** Refuses a snapshot the project never registered, by id alone. */
export async function assertProjectSnapshot(projectId: string, snapshotId: string): Promise<void> {
  const link = await db.snapshotProject.findUnique({ where: { snapshotId_projectId: { snapshotId, projectId } }, select: { snapshotId: true } });
  if (!link) throw new AppError("BAD_REQUEST", "That snapshot does not belong to this project; upload it first.", { snapshotId: ["is unknown"] });
}

export async function readSnapshot(id: string): Promise<TManifest> {
  return readManifest(snapshotKey(id));
}

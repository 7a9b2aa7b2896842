// The project's files and folders for the editor's tree: no contents, one query each.
import { db, Prisma } from "../db/client";
import { projectToRead, type ProjectArgs } from "./access";
import { looksLikeText, MAX_TEXT_BYTES } from "./content-kind";
import { parentFolders } from "./paths";
import type { TFileTree } from "./schemas";

type Row = {
  path: string;
  sizeBytes: number;
  version: number;
  updatedAt: Date;
  name: string | null;
  email: string | null;
  nul: boolean;
};

export async function listTree(args: ProjectArgs): Promise<TFileTree> {
  const project = await projectToRead(args);
  // isText is decided on the first 8 KB (a NUL byte means binary) and the name; reading whole
  // contents for a tree would move every byte of the project. files.read decides exactly.
  const [rows, folderRows] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT f.path, f."sizeBytes", f.version, f."updatedAt", u.name, u.email,
             position('\\x00'::bytea IN substring(f.content FROM 1 FOR 8192)) > 0 AS nul
      FROM "File" f LEFT JOIN "User" u ON u.id = f."updatedById"
      WHERE f."projectId" = ${project.id}
      ORDER BY f.path`),
    db.folder.findMany({ where: { projectId: project.id }, select: { path: true } }),
  ]);
  const folders = new Set<string>();
  for (const f of folderRows) folders.add(f.path);
  for (const f of folderRows) for (const p of parentFolders(f.path)) folders.add(p);
  for (const r of rows) for (const p of parentFolders(r.path)) folders.add(p);
  return {
    files: rows.map((r) => ({
      path: r.path,
      sizeBytes: r.sizeBytes,
      version: r.version,
      updatedAt: r.updatedAt,
      updatedBy: r.email ? { name: r.name, email: r.email } : null,
      isText: !r.nul && r.sizeBytes <= MAX_TEXT_BYTES && looksLikeText(r.path, r.sizeBytes),
    })),
    folders: [...folders].sort(),
  };
}

"use client";
// Uploads: files picked, a folder picked, or either dropped from the desktop. Each file is one
// PUT of its bytes; replacing a file names the version it replaces (If-Match), so an upload never
// silently overwrites a newer save either.
import { contentUrl, joinPath } from "./file-urls";

export type UploadItem = { path: string; file: File };
export type UploadResult = { done: string[]; failed: { path: string; message: string }[] };

/** Files from an <input type="file"> (with webkitdirectory, each keeps its folder path). */
export function itemsFromInput(files: FileList, folder: string): UploadItem[] {
  return [...files].map((file) => ({ path: joinPath(folder, file.webkitRelativePath || file.name), file }));
}

/** Files and folders dropped from the desktop, folders walked recursively. */
export async function itemsFromDrop(dt: DataTransfer, folder: string): Promise<UploadItem[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...dt.files].map((file) => ({ path: joinPath(folder, file.name), file }));
  const out: UploadItem[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: joinPath(prefix, entry.name), file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries hands out a directory in batches (100 in Chromium) until it returns none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, joinPath(prefix, entry.name));
      }
    }
  };
  for (const e of entries) await walk(e, folder);
  return out;
}

/** Uploads three at a time; `versions` holds the current version of paths being replaced. */
export async function uploadItems(
  projectSlug: string,
  items: UploadItem[],
  versions: Map<string, number>,
  onProgress: (done: number, total: number) => void,
): Promise<UploadResult> {
  const result: UploadResult = { done: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const version = versions.get(item.path);
      try {
        const res = await fetch(contentUrl(projectSlug, item.path), {
          method: "PUT",
          body: item.file,
          headers: { "content-type": "application/octet-stream", ...(version ? { "if-match": String(version) } : {}) },
        });
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
          result.failed.push({ path: item.path, message: body?.error?.message ?? `The server answered ${res.status}.` });
        } else {
          result.done.push(item.path);
        }
      } catch {
        result.failed.push({ path: item.path, message: "Benchtop could not be reached." });
      }
      onProgress(result.done.length + result.failed.length, items.length);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return result;
}

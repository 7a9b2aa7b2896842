// Files picked or dropped, each with the path it keeps under the folder being uploaded to. A
// dropped folder is walked through the (non-standard but universal) FileSystemEntry API; a
// folder picked with <input webkitdirectory> carries webkitRelativePath.

export type PickedFile = { file: File; path: string };

/** Files from an <input type="file"> (with or without webkitdirectory). */
export function filesFromInput(list: FileList): PickedFile[] {
  return Array.from(list, (file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** Files and folders dropped on the page. Must be called during the drop event (items go stale after). */
export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== "file") continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  const out: PickedFile[] = loose.map((file) => ({ file, path: file.name }));
  for (const entry of entries) await walk(entry, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\/+/, "") });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out at most 100 entries per call; keep reading until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

/** Files the operating system adds to folders, never data. */
export function isSystemJunk(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name === ".DS_Store" || name === "Thumbs.db" || name === "desktop.ini" || name.startsWith("._");
}

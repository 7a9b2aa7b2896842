// Folder downloads as zip or tar, written as a stream by archiver: one file's bytes at a time are
// read from the database and handed over once the previous entry is written, so a large folder
// never sits in memory. archiver writes Zip64 past 4 GB and pax headers for long tar names.
import { once } from "node:events";
import { TarArchive, ZipArchive, type Archiver } from "archiver";

export type ArchiveEntry = { name: string; mtime: Date; load: () => Promise<Uint8Array> };
export type ArchiveFormat = "zip" | "tar";

const modeOf = (name: string) => (name.endsWith(".sh") ? 0o755 : 0o644);

/** The archive's bytes, as they are written. */
export async function* archiveStream(format: ArchiveFormat, entries: AsyncIterable<ArchiveEntry> | Iterable<ArchiveEntry>): AsyncGenerator<Buffer> {
  const archive: Archiver = format === "zip" ? new ZipArchive({ zlib: { level: 6 } }) : new TarArchive();
  const feeding = (async () => {
    for await (const entry of entries) {
      const written = once(archive, "entry");
      archive.append(Buffer.from(await entry.load()), { name: entry.name, date: entry.mtime, mode: modeOf(entry.name) });
      await written;
    }
    await archive.finalize();
  })().catch((e: unknown) => archive.destroy(e instanceof Error ? e : new Error(String(e))));
  try {
    for await (const chunk of archive) yield chunk as Buffer;
  } finally {
    archive.destroy();
    await feeding;
  }
}

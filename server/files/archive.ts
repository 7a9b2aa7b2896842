// Folder downloads as zip or tar, written as a stream: one file's bytes at a time are read from
// the database, so a large folder never sits in memory. Small writers of our own (the formats are
// short to write; no archive package is installed).
import { deflateRawSync } from "node:zlib";
import { AppError } from "../errors";

export type ArchiveEntry = { name: string; mtime: Date; load: () => Promise<Uint8Array> };
export type ArchiveFormat = "zip" | "tar";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const ZIP_LIMIT = 0xffffffff;

/** A zip (deflate where it helps, stored otherwise; UTF-8 names). Zip64 is not written: above 4 GB, use tar. */
export async function* zipStream(entries: AsyncIterable<ArchiveEntry> | Iterable<ArchiveEntry>): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    const raw = await entry.load();
    const deflated = deflateRawSync(raw);
    const stored = deflated.length >= raw.length;
    const body = stored ? Buffer.from(raw) : deflated;
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(raw);
    const { time, date } = dosTime(entry.mtime);
    if (offset + 30 + name.length + body.length > ZIP_LIMIT || count >= 0xffff) {
      throw new AppError("BAD_REQUEST", "This folder is too large for a zip (over 4 GB or 65,535 files); download it as tar.");
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below counts
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(stored ? 0 : 8, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(((entry.name.endsWith(".sh") ? 0o100755 : 0o100644) << 16) >>> 0, 38);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    yield Buffer.concat([local, name]);
    yield body;
    offset += 30 + name.length + body.length;
    count += 1;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  yield cdBytes;
  yield end;
}

function tarHeader(name: string, size: number, mtime: Date, type: "0" | "x", mode: number): Buffer {
  const h = Buffer.alloc(512);
  const put = (value: string, at: number, len: number) => h.write(value, at, len, "utf8");
  const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, "0");
  put(Buffer.from(name, "utf8").length <= 100 ? name : "pax-long-name", 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
  put("        ", 148, 8);
  put(type, 156, 1);
  put("ustar\u000000", 257, 8);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${octal(sum, 7)}\u0000`, 148, 8);
  return h;
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512);

/** A POSIX tar (pax headers for names over 100 bytes); no size limit. */
export async function* tarStream(entries: AsyncIterable<ArchiveEntry> | Iterable<ArchiveEntry>): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    const body = Buffer.from(await entry.load());
    if (Buffer.from(entry.name, "utf8").length > 100) {
      // A pax record is "<length> path=<name>\n", where the length counts its own digits.
      const rest = ` path=${entry.name}\n`;
      let len = Buffer.byteLength(rest) + 1;
      while (String(len).length + Buffer.byteLength(rest) !== len) len += 1;
      const record = Buffer.from(`${len}${rest}`, "utf8");
      yield tarHeader("pax", record.length, entry.mtime, "x", 0o644);
      yield Buffer.concat([record, pad(record.length)]);
    }
    yield tarHeader(entry.name, body.length, entry.mtime, "0", entry.name.endsWith(".sh") ? 0o755 : 0o644);
    yield Buffer.concat([body, pad(body.length)]);
  }
  yield Buffer.alloc(1024);
}

// Paths in a project are untrusted input: one normal form ("a/b/c.py", no leading or trailing
// slash), and a sentence for everything refused, so nothing can point outside the project.
import { AppError } from "../errors";

export const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;
// C0 and C1 controls and DEL: invisible in a tree and trouble in a shell.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Bidirectional controls (embeddings, overrides, isolates, the LRM/RLM/ALM marks) reorder how a
// name is shown: "invoice\u202Efdp.exe" reads as "invoiceexe.pdf" (CVE-2021-42574, Trojan Source).
// Right-to-left letters themselves are fine; only the invisible controls are refused.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
// Half of a UTF-16 surrogate pair: not Unicode text, no file system name, no URL.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function refuse(raw: string, why: string): never {
  const shown = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
  const visible = shown.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, "?").replace(new RegExp(LONE_SURROGATE, "g"), "?");
  throw new AppError("BAD_REQUEST", `The path "${visible}" ${why}`, { path: [why] });
}

/**
 * The normal form of a file or folder path, or an AppError naming what is wrong with it.
 * Backslashes count as separators (a Windows upload), repeated or surrounding slashes are
 * refused rather than guessed at, except one leading "./" or "/" which people type.
 */
export function normalisePath(raw: string): string {
  if (typeof raw !== "string" || raw.trim() === "") refuse(String(raw ?? ""), "is empty; name a file or folder.");
  if (CONTROL.test(raw)) refuse(raw, "contains a control character (a tab, newline or similar).");
  if (BIDI.test(raw)) refuse(raw, "contains a bidirectional control character (such as U+202E, right-to-left override), which makes a name read as something else.");
  if (LONE_SURROGATE.test(raw)) refuse(raw, "contains a lone UTF-16 surrogate, which is not text a file name can hold.");
  let p = raw.replace(/\\/g, "/");
  if (p.startsWith("/")) refuse(raw, "is absolute; paths are relative to the project (e.g. src/train.py).");
  if (p.startsWith("./")) p = p.slice(2);
  if (p.endsWith("/")) p = p.slice(0, -1);
  if (p.length > MAX_PATH_LENGTH) refuse(raw, `is longer than ${MAX_PATH_LENGTH} characters.`);
  const segments = p.split("/");
  for (const s of segments) {
    if (s === "") refuse(raw, "has an empty part (two slashes in a row).");
    if (s === "..") refuse(raw, 'goes up a folder with ".."; paths stay inside the project.');
    if (s === ".") refuse(raw, 'has a "." part; write the path without it.');
    if (s.trim() !== s) refuse(raw, "has a part that starts or ends with a space.");
    if (s.length > MAX_SEGMENT_LENGTH) refuse(raw, `has a part longer than ${MAX_SEGMENT_LENGTH} characters.`);
  }
  return segments.join("/");
}

/** "a/b/c.py" -> ["a", "a/b"]: every folder above a path. */
export function parentFolders(path: string): string[] {
  const parts = path.split("/");
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join("/"));
  return out;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Whether `path` is `folder` itself or inside it. */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/**
 * A Prisma `startsWith` operand matching paths inside `folder` literally: Prisma turns
 * startsWith into LIKE without escaping, so "my_data/" would also match "my-data/"
 * (prisma/prisma#19506). PostgreSQL's default LIKE escape is the backslash.
 */
export function insideFolder(folder: string): { startsWith: string } {
  return { startsWith: `${folder.replace(/[\\%_]/g, (c) => `\\${c}`)}/` };
}

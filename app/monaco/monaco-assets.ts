// Monaco is served by Benchtop itself, never from a CDN: the AMD build in
// node_modules/monaco-editor/min/vs, under /monaco/<version>/vs/... The version in the URL makes
// the files safe to cache forever; a URL of another version is a 404, never other bytes.
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

const PACKAGE_DIR = path.join(process.cwd(), "node_modules", "monaco-editor");
const ROOT = path.join(PACKAGE_DIR, "min", "vs");

let version: string | null = null;

/** The installed monaco-editor's version, read once. */
export function monacoVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** Where the AMD loader finds `vs` (for `loader.config({ paths: { vs } })`). */
export function monacoVsPath(): string {
  return `/monaco/${monacoVersion()}/vs`;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".json": "application/json",
};

/** The bytes and type of /monaco/<version>/vs/<rest>, or null for anything else. */
export async function monacoAsset(segments: string[]): Promise<{ body: Buffer; type: string } | null> {
  const [v, vs, ...rest] = segments;
  if (v !== monacoVersion() || vs !== "vs" || rest.length === 0) return null;
  if (rest.some((s) => s === "" || s === "." || s === ".." || s.includes("\\") || s.includes("\0"))) return null;
  const type = TYPES[path.extname(rest[rest.length - 1]!)];
  if (!type) return null;
  const file = path.join(ROOT, ...rest);
  if (!file.startsWith(ROOT + path.sep)) return null;
  try {
    return { body: await fs.readFile(file), type };
  } catch {
    return null;
  }
}

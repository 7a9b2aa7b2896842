// Which folders may hold a local data store, judged on absolute paths (symlinks already resolved
// by the caller where the folder exists). Pure, so the environment check at start can use it too.
//   - never / (every file of the server), never BENCHTOP_HOME or a folder holding it (its secrets,
//     the embedded database, the queue's blobs of every project);
//   - inside BENCHTOP_HOME only its datasets folder (the demo's store lives there).
import path from "node:path";

/** True when `inner` is `outer` or inside it, comparing whole path segments ("/a/b" is not inside "/a/bc"). */
export function isInside(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  return inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

/** Why `folder` can never hold a local store, as the end of a sentence; null when it may. */
export function forbiddenLocalFolder(folder: string, home: string): string | null {
  if (folder === path.parse(folder).root) return "it is the whole file system";
  if (folder === home) return "it is BENCHTOP_HOME";
  if (isInside(home, folder)) return "it holds BENCHTOP_HOME";
  if (isInside(folder, home) && !isInside(folder, path.join(home, "datasets"))) return "it is inside BENCHTOP_HOME (only BENCHTOP_HOME/datasets may hold stores)";
  return null;
}

/** BENCHTOP_LOCAL_STORE_ROOTS as a list: colon- or comma-separated absolute paths. */
export function splitRoots(value: string): string[] {
  return value
    .split(/[:,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

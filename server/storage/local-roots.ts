// Where a local data store may live: under one of BENCHTOP_LOCAL_STORE_ROOTS, and never where
// local-folder-rules.ts forbids, judged after resolving symlinks (realpath), so a link inside an
// allowed root cannot point a store at /etc or at BENCHTOP_HOME.
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";
import { forbiddenLocalFolder, isInside } from "./local-folder-rules";

/** realpath of the deepest part that exists, with the rest appended: a folder not made yet resolves too. */
export function resolveReal(folder: string): string {
  const abs = path.resolve(folder);
  let head = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(head), ...rest.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      rest.push(path.basename(head));
      head = parent;
    }
  }
}

/** Why `folder` may not hold a local store, as a sentence; null when it may. */
export function localFolderRefusal(folder: string): string | null {
  const abs = path.resolve(folder);
  const real = resolveReal(abs);
  const shown = real === abs ? abs : `${abs} (really ${real})`;
  const why = forbiddenLocalFolder(real, resolveReal(env.home)) ?? (real === abs ? null : forbiddenLocalFolder(abs, env.home));
  if (why) return `The folder ${shown} cannot be a local store: ${why}.`;
  if (!env.localStoreRoots.some((root) => isInside(real, resolveReal(root)))) {
    return `The folder ${shown} is not under BENCHTOP_LOCAL_STORE_ROOTS (${env.localStoreRoots.join(":")}): to use it, list it (or a folder above it) there and restart Benchtop.`;
  }
  return null;
}

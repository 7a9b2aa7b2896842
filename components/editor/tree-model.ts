// The flat list from files.tree as nested nodes: folders first, then files, by name.
import type { TTreeFile } from "@/server/files/schemas";

export type TreeNode =
  | { kind: "folder"; path: string; name: string; children: TreeNode[]; fileCount: number }
  | { kind: "file"; path: string; name: string; file: TTreeFile };

export function buildTree(files: TTreeFile[], folders: string[]): TreeNode[] {
  const root: TreeNode & { kind: "folder" } = { kind: "folder", path: "", name: "", children: [], fileCount: 0 };
  const byPath = new Map<string, TreeNode & { kind: "folder" }>([["", root]]);
  const folderOf = (path: string): TreeNode & { kind: "folder" } => {
    const known = byPath.get(path);
    if (known) return known;
    const slash = path.lastIndexOf("/");
    const parent = folderOf(slash < 0 ? "" : path.slice(0, slash));
    const node = { kind: "folder" as const, path, name: path.slice(slash + 1), children: [], fileCount: 0 };
    parent.children.push(node);
    byPath.set(path, node);
    return node;
  };
  for (const f of [...folders].sort()) folderOf(f);
  for (const file of files) {
    const slash = file.path.lastIndexOf("/");
    const parent = folderOf(slash < 0 ? "" : file.path.slice(0, slash));
    parent.children.push({ kind: "file", path: file.path, name: file.path.slice(slash + 1), file });
    for (let p: string | null = parent.path; p !== null; p = p === "" ? null : p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "") {
      byPath.get(p)!.fileCount += 1;
    }
  }
  const sort = (node: TreeNode) => {
    if (node.kind !== "folder") return;
    node.children.sort((a, b) => (a.kind !== b.kind ? (a.kind === "folder" ? -1 : 1) : a.name.localeCompare(b.name, undefined, { numeric: true })));
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}

/** Subsequence match for quick open: every typed character in order; a lower score is better. */
export function fuzzyScore(query: string, path: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, "");
  if (!q) return 0;
  const p = path.toLowerCase();
  let at = 0;
  let gaps = 0;
  for (const ch of q) {
    const found = p.indexOf(ch, at);
    if (found < 0) return null;
    gaps += found - at;
    at = found + 1;
  }
  const name = p.slice(p.lastIndexOf("/") + 1);
  return gaps + (name.includes(q) ? 0 : 50) + p.length / 100;
}

// Where the workspace and the file API live for a project path.

export function workspaceUrl(projectSlug: string, path: string | null): string {
  const base = `/projects/${projectSlug}/files`;
  return path ? `${base}/${path.split("/").map(encodeURIComponent).join("/")}` : base;
}

export function contentUrl(projectSlug: string, path: string | null, opts: { format?: "zip" | "tar"; inline?: boolean } = {}): string {
  const q = new URLSearchParams();
  if (path) q.set("path", path);
  if (opts.format) q.set("format", opts.format);
  if (opts.inline) q.set("inline", "1");
  return `/api/v1/projects/${encodeURIComponent(projectSlug)}/files/content?${q.toString()}`;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function joinPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

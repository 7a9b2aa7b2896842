// Links into a dataset: each folder of the prefix is one URL segment, so the browser's back button,
// reloads and shared links all land in the same folder.

export function datasetHref(projectSlug: string, dataset: string, prefix = ""): string {
  const segments = prefix.split("/").filter(Boolean).map(encodeURIComponent);
  return [`/projects/${projectSlug}/datasets/${encodeURIComponent(dataset)}`, ...segments].join("/");
}

/** The folder prefix a route's catch-all segments name: [] -> "", ["train", "cats"] -> "train/cats/". */
export function prefixFromSegments(segments: string[] | undefined): string {
  if (!segments?.length) return "";
  return segments.map(safeDecode).join("/") + "/";
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "train/cats/" -> ["train", "cats"] with the prefix each one opens. */
export function crumbsOf(prefix: string): { name: string; prefix: string }[] {
  const parts = prefix.split("/").filter(Boolean);
  return parts.map((name, i) => ({ name, prefix: parts.slice(0, i + 1).join("/") + "/" }));
}

/** The last segment of a key or folder prefix. */
export function baseName(keyOrPrefix: string): string {
  const trimmed = keyOrPrefix.endsWith("/") ? keyOrPrefix.slice(0, -1) : keyOrPrefix;
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

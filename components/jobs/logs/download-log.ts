/** Saves text parts as a file through a temporary object URL. */
export function saveTextFile(parts: string[], fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: "text/plain;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "lr sweep 0.1" + id -> "lr-sweep-0-1-cmw….log". */
export function logFileName(jobName: string, jobId: string): string {
  const base = jobName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return `${base ? `${base}-` : ""}${jobId}.log`;
}

/** Lets the browser download a file the server streams (an API route, not a page). */
export function downloadFromServer(href: string): void {
  const a = document.createElement("a");
  a.href = href;
  a.download = "";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

// "Run as job" on a file: where it leads (the submit form, prefilled to run that file), for the
// kinds of file that run. A notebook runs headless with benchtop_notebook (`?notebook=`, exactly as
// "Run as job" in the notebook panel: nbclient on the kernel its metadata names, the executed copy
// kept as an artifact); a script gets the command that runs it (`?command=`).
import { shellWord } from "./shell";

const BY_EXTENSION: Record<string, (path: string) => string> = {
  py: (path) => `python ${quote(path)}`,
  sh: (path) => `bash ${quote(path)}`,
};

const extensionOf = (path: string) => (path.includes(".") ? path.split(".").pop()!.toLowerCase() : "");

/** The command that runs this script as a job, or null when it is not a script (notebooks: runAsJobHref). */
export function runAsJobCommand(path: string): string | null {
  return BY_EXTENSION[extensionOf(path)]?.(path) ?? null;
}

/** The submit form prefilled to run this file, or null when the file is neither a notebook nor a script. */
export function runAsJobHref(projectSlug: string, path: string): string | null {
  const form = `/projects/${encodeURIComponent(projectSlug)}/jobs/new`;
  if (extensionOf(path) === "ipynb") return `${form}?notebook=${encodeURIComponent(path)}`;
  const command = runAsJobCommand(path);
  return command ? `${form}?command=${encodeURIComponent(command)}` : null;
}

/** Shell-quotes a path only when it needs it (spaces, quotes, $...). */
const quote = shellWord;

// "Run as job" on a file: the command that runs it, for the kinds of file that have one.
import { shellWord } from "./shell";

const NOTEBOOK = (path: string) => `jupyter nbconvert --to notebook --execute ${quote(path)} --output-dir $BENCHTOP_OUTPUT_DIR`;

const BY_EXTENSION: Record<string, (path: string) => string> = {
  py: (path) => `python ${quote(path)}`,
  sh: (path) => `bash ${quote(path)}`,
  ipynb: NOTEBOOK,
};

/** The command that runs this file as a job, or null when it is not a script or notebook. */
export function runAsJobCommand(path: string): string | null {
  const ext = path.includes(".") ? path.split(".").pop()!.toLowerCase() : "";
  return BY_EXTENSION[ext]?.(path) ?? null;
}

/** Shell-quotes a path only when it needs it (spaces, quotes, $...). */
const quote = shellWord;

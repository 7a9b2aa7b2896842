// "Run as job" for a notebook: the job's command runs it headless on the agent with
// agent-files/python/benchtop_notebook.py (nbclient, on the kernel its metadata names), which
// writes the executed notebook, outputs included, to $BENCHTOP_OUTPUT_DIR after every cell.
import { AppError } from "../errors";
import { readSnapshot } from "../queue/snapshots";
import { shellWord } from "../../lib/shell";

/** The command that runs a notebook on an agent (PYTHONPATH there holds benchtop_notebook). */
export function notebookJobCommand(notebookPath: string): string {
  return `python3 -m benchtop_notebook ${shellWord(notebookPath)}`;
}

/** A job runs either a command or a notebook: the command it will run, and the notebook if any. */
export function resolveJobCommand(input: { command?: string; notebook?: string | null }): { command: string; notebookPath: string | null } {
  const command = input.command?.trim() ?? "";
  if (input.notebook && command) {
    throw new AppError("BAD_REQUEST", "Give either a command or a notebook to run, not both.", { notebook: ["cannot be given with a command"] });
  }
  if (input.notebook) return { command: notebookJobCommand(input.notebook), notebookPath: input.notebook };
  if (!command) throw new AppError("BAD_REQUEST", "The input is not valid: command is required (or a notebook to run).", { command: ["is required"] });
  return { command, notebookPath: null };
}

/** Refuses a notebook job whose notebook is not among the files it will run on. */
export async function assertNotebookInSnapshot(snapshotId: string, notebookPath: string): Promise<void> {
  const manifest = await readSnapshot(snapshotId);
  if (!manifest.files.some((f) => f.path === notebookPath)) {
    throw new AppError("BAD_REQUEST", `The notebook "${notebookPath}" is not among the job's files; check its path (relative to the project's root).`, {
      notebook: ["is not among the job's files"],
    });
  }
}

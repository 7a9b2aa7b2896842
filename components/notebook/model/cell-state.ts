// A cell as the open notebook holds it: the nbformat cell plus what only the browser knows
// (queued or running, a pending input() prompt, display ids for update_display_data).
import type { TCodeCell, TMarkdownCell, TOutput, TRawCell } from "@/lib/ipynb/types";

/** An output, with the display id update_display_data refers to (never written to the file). */
export type TLiveOutput = TOutput & { displayId?: string };

export type TRunState = "idle" | "queued" | "running";

export type TInputPrompt = { prompt: string; password: boolean };

type TCellUi = {
  runState?: TRunState;
  input?: TInputPrompt | null;
  /** clear_output(wait=True): the outputs go when the next one arrives. */
  clearOnNext?: boolean;
  /** Markdown shown as source (being edited) rather than rendered. */
  editingMarkdown?: boolean;
};

export type TCodeCellState = Omit<TCodeCell, "outputs"> & { outputs: TLiveOutput[] } & TCellUi;
export type TCellState = TCodeCellState | ((TMarkdownCell | TRawCell) & TCellUi);

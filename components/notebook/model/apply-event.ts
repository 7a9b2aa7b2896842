// What one kernel event does to the notebook's cells (Jupyter's output-area rules): streams
// coalesce, clear_output(wait) defers, update_display_data replaces by display id.
import { appendStreamText } from "@/lib/ipynb/stream-text";
import type { TJsonObject, TMimeBundle } from "@/lib/ipynb/types";
import type { TKernelEvent } from "@/server/kernels/events";
import type { TLiveOutput } from "./cell-state";
import type { NotebookModel } from "./notebook-model";

function addOutput(model: NotebookModel, cellId: string, output: TLiveOutput) {
  model.updateCell(cellId, (cell) => {
    if (cell.cell_type !== "code") return {};
    const outputs = cell.clearOnNext ? [] : cell.outputs;
    const last = outputs[outputs.length - 1];
    if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
      return { clearOnNext: false, outputs: [...outputs.slice(0, -1), { ...last, text: appendStreamText(last.text, output.text) }] };
    }
    if (output.output_type === "stream") output = { ...output, text: appendStreamText("", output.text) };
    return { clearOnNext: false, outputs: [...outputs, output] };
  });
}

function updateDisplay(model: NotebookModel, displayId: string, data: TMimeBundle, metadata: TJsonObject) {
  for (const cell of model.cells) {
    if (cell.cell_type !== "code" || !cell.outputs.some((o) => o.displayId === displayId)) continue;
    model.updateCell(cell.id, {
      outputs: cell.outputs.map((o) => (o.displayId === displayId && (o.output_type === "display_data" || o.output_type === "execute_result") ? { ...o, data, metadata } : o)),
    });
  }
}

/** Applies one event to the cell it names. Kernel-wide events (status) are the session's. */
export function applyKernelEvent(model: NotebookModel, event: TKernelEvent) {
  const cellId = event.cellId;
  if (event.type === "update_display_data") {
    if (event.displayId) updateDisplay(model, event.displayId, event.data as TMimeBundle, event.metadata as TJsonObject);
    return;
  }
  if (!cellId || !model.cell(cellId)) return;
  switch (event.type) {
    case "execute_input":
      model.updateCell(cellId, { runState: "running", execution_count: event.executionCount }, false);
      return;
    case "stream":
      addOutput(model, cellId, { output_type: "stream", name: event.name, text: event.text });
      return;
    case "display_data":
      addOutput(model, cellId, { output_type: "display_data", data: event.data as TMimeBundle, metadata: event.metadata as TJsonObject, displayId: event.displayId });
      return;
    case "execute_result":
      addOutput(model, cellId, {
        output_type: "execute_result",
        data: event.data as TMimeBundle,
        metadata: event.metadata as TJsonObject,
        execution_count: event.executionCount ?? null,
        displayId: event.displayId,
      });
      return;
    case "error":
      addOutput(model, cellId, { output_type: "error", ename: event.ename, evalue: event.evalue, traceback: event.traceback });
      return;
    case "clear_output":
      model.updateCell(cellId, () => (event.wait ? { clearOnNext: true } : { outputs: [], clearOnNext: false }));
      return;
    case "input_request":
      model.updateCell(cellId, { input: { prompt: event.prompt, password: event.password } }, false);
      return;
    case "execute_reply":
      model.updateCell(cellId, (cell) => ({
        runState: "idle",
        input: null,
        clearOnNext: false,
        ...(cell.cell_type === "code" && event.status !== "aborted" ? { execution_count: event.executionCount ?? cell.execution_count } : {}),
      }));
      return;
  }
}

// The open notebook's store and what kernel events do to it (Jupyter's output rules), without a
// browser: streams coalesce with carriage returns, clear_output(wait) waits for the next output,
// update_display_data replaces by display id, a failed run's queued cells end aborted; the
// command-mode edits (delete and undo, move, copy and paste, change type) keep ids unique.
import { describe, expect, it } from "vitest";
import { applyKernelEvent } from "@/components/notebook/model/apply-event";
import type { TCodeCellState } from "@/components/notebook/model/cell-state";
import { NotebookModel } from "@/components/notebook/model/notebook-model";
import { serializeNotebook } from "@/lib/ipynb/serialize";
import { parseNotebook } from "@/lib/ipynb/parse";
import type { TNotebook } from "@/lib/ipynb/types";
import type { TKernelEvent, TKernelEventBody } from "@/server/kernels/events";

function notebook(n: number): TNotebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, cell_type: "code" as const, metadata: {}, source: `x = ${i}`, execution_count: null, outputs: [] })),
  };
}

let seq = 0;
const event = (cellId: string | null, body: TKernelEventBody): TKernelEvent => ({ id: String(++seq), cellId, ...body }) as TKernelEvent;
const code = (model: NotebookModel, id: string) => model.cell(id) as TCodeCellState;

describe("kernel events on cells", () => {
  it("coalesces a stream, overwriting on carriage return, and keeps stderr apart", () => {
    const model = new NotebookModel(notebook(1), false);
    applyKernelEvent(model, event("c0", { type: "execute_input", executionCount: 4 }));
    expect(code(model, "c0").runState).toBe("running");
    applyKernelEvent(model, event("c0", { type: "stream", name: "stdout", text: "loading\n10%\r" }));
    applyKernelEvent(model, event("c0", { type: "stream", name: "stdout", text: "100%\n" }));
    applyKernelEvent(model, event("c0", { type: "stream", name: "stderr", text: "warn\n" }));
    applyKernelEvent(model, event("c0", { type: "execute_reply", status: "ok", executionCount: 4 }));
    const cell = code(model, "c0");
    expect(cell.outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "loading\n100%\n" },
      { output_type: "stream", name: "stderr", text: "warn\n" },
    ]);
    expect(cell.execution_count).toBe(4);
    expect(cell.runState).toBe("idle");
    expect(model.dirty).toBe(true);
  });

  it("clear_output(wait) clears when the next output comes; update_display_data replaces by id in any cell", () => {
    const model = new NotebookModel(notebook(2), false);
    applyKernelEvent(model, event("c0", { type: "display_data", data: { "text/plain": "v1" }, metadata: {}, displayId: "d1" }));
    applyKernelEvent(model, event("c1", { type: "stream", name: "stdout", text: "frame 1\n" }));
    applyKernelEvent(model, event("c1", { type: "clear_output", wait: true }));
    expect(code(model, "c1").outputs).toHaveLength(1);
    applyKernelEvent(model, event("c1", { type: "stream", name: "stdout", text: "frame 2\n" }));
    expect(code(model, "c1").outputs).toEqual([{ output_type: "stream", name: "stdout", text: "frame 2\n" }]);
    applyKernelEvent(model, event("c1", { type: "update_display_data", data: { "text/plain": "v2" }, metadata: {}, displayId: "d1" }));
    expect(code(model, "c0").outputs[0]).toMatchObject({ output_type: "display_data", data: { "text/plain": "v2" } });
    // The display id lives in memory only: the saved file is valid nbformat without it.
    expect(serializeNotebook(model.toNotebook())).not.toContain("d1");
  });

  it("input_request asks in the cell; an aborted cell keeps its old count", () => {
    const model = new NotebookModel(notebook(1), false);
    model.updateCell("c0", { execution_count: 2, runState: "queued" });
    applyKernelEvent(model, event("c0", { type: "input_request", prompt: "Name: ", password: false }));
    expect(code(model, "c0").input).toEqual({ prompt: "Name: ", password: false });
    applyKernelEvent(model, event("c0", { type: "execute_reply", status: "aborted", executionCount: null }));
    expect(code(model, "c0")).toMatchObject({ execution_count: 2, runState: "idle", input: null });
  });
});

describe("command-mode edits", () => {
  it("deletes the selection and undoes it, moves, copies and pastes with fresh ids", () => {
    const model = new NotebookModel(notebook(4), false);
    model.select(1);
    model.extendSelection(1);
    expect(model.selectedRange()).toEqual([1, 2]);
    model.deleteSelected();
    expect(model.cells.map((c) => c.id)).toEqual(["c0", "c3"]);
    model.undoDelete();
    expect(model.cells.map((c) => c.id)).toEqual(["c0", "c1", "c2", "c3"]);
    model.select(3);
    model.moveSelected(-1);
    expect(model.cells.map((c) => c.id)).toEqual(["c0", "c1", "c3", "c2"]);
    expect(model.activeIndex).toBe(2);
    model.copySelected();
    model.pasteBelow();
    expect(model.cells).toHaveLength(5);
    expect(new Set(model.cells.map((c) => c.id)).size).toBe(5);
    expect(model.cells[3]?.source).toBe("x = 3");
    model.changeType("markdown");
    expect(model.active?.cell_type).toBe("markdown");
    // What it saves is a notebook that reads back the same.
    const again = parseNotebook(serializeNotebook(model.toNotebook())).notebook;
    expect(again.cells.map((c) => [c.id, c.cell_type, c.source])).toEqual(model.cells.map((c) => [c.id, c.cell_type, c.source]));
  });

  it("a read-only notebook refuses edits and edit mode", () => {
    const model = new NotebookModel(notebook(2), true);
    model.deleteSelected();
    model.insert(0);
    model.setMode("edit");
    expect(model.cells).toHaveLength(2);
    expect(model.mode).toBe("command");
  });

  it("a save marks it clean only when nothing changed meanwhile", () => {
    const model = new NotebookModel(notebook(1), false);
    model.updateCell("c0", { source: "y = 1" });
    const at = model.edits;
    model.updateCell("c0", { source: "y = 2" });
    model.markSaved(at);
    expect(model.dirty).toBe(true);
    model.markSaved(model.edits);
    expect(model.dirty).toBe(false);
  });
});

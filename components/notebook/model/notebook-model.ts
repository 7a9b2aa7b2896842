// The open notebook: cells, the active cell and mode, undo of deletes, the clipboard, the dirty
// flag. A plain store outside React: a cell's component subscribes to that cell only, so typing
// in one cell or streaming into another re-renders one cell, not a 300-cell list.
import { newCellId } from "@/lib/ipynb/cell-id";
import type { TCell, TCellType, TNotebook } from "@/lib/ipynb/types";
import type { TCellState } from "./cell-state";

/** The cell as the file holds it (no run state, no display ids). */
function fileCell(c: TCellState): TCell {
  const base = { id: c.id, metadata: c.metadata, source: c.source };
  if (c.cell_type === "code") return { ...base, cell_type: "code", execution_count: c.execution_count, outputs: c.outputs };
  return { ...base, cell_type: c.cell_type, ...(c.attachments ? { attachments: c.attachments } : {}) };
}

export type TMode = "command" | "edit";
type Listener = () => void;

export class NotebookModel {
  cells: TCellState[];
  metadata: TNotebook["metadata"];
  nbformatMinor: number;
  activeIndex = 0;
  /** The other end of a Shift+J/K selection; equals activeIndex when one cell is selected. */
  anchorIndex = 0;
  mode: TMode = "command";
  /** Where the caret goes when a cell's editor opens (the end, or the start after ArrowDown). */
  cursorHint: "start" | "end" = "end";
  dirty = false;
  /** Counts edits, so a save knows whether more came in while it was on its way. */
  edits = 0;
  readonly readOnly: boolean;
  private deleted: { cells: TCellState[]; index: number }[] = [];
  private clipboard: TCell[] = [];
  private listeners = new Set<Listener>();
  private cellListeners = new Map<string, Set<Listener>>();
  private cellTicks = new Map<string, number>();
  /** Bumped on every change to the list, the selection or the mode (useSyncExternalStore). */
  version = 0;

  constructor(notebook: TNotebook, readOnly: boolean) {
    this.cells = notebook.cells.map((cell) => ({ ...cell }));
    this.metadata = notebook.metadata;
    this.nbformatMinor = notebook.nbformat_minor;
    this.readOnly = readOnly;
  }

  // --- subscriptions ---------------------------------------------------------------------------
  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  subscribeCell(id: string, listener: Listener) {
    let set = this.cellListeners.get(id);
    if (!set) this.cellListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }
  private emit() {
    this.version += 1;
    for (const l of this.listeners) l();
  }
  /** Bumped for a cell whenever it, its selection or its mode changes (a cell's snapshot). */
  cellTick(id: string): number {
    return this.cellTicks.get(id) ?? 0;
  }
  private emitCell(id: string) {
    this.cellTicks.set(id, this.cellTick(id) + 1);
    for (const l of this.cellListeners.get(id) ?? []) l();
  }

  // --- reading -----------------------------------------------------------------------------------
  indexOf(id: string) {
    return this.cells.findIndex((c) => c.id === id);
  }
  cell(id: string): TCellState | undefined {
    return this.cells[this.indexOf(id)];
  }
  get active(): TCellState | undefined {
    return this.cells[this.activeIndex];
  }
  selectedRange(): [number, number] {
    return [Math.min(this.activeIndex, this.anchorIndex), Math.max(this.activeIndex, this.anchorIndex)];
  }
  isSelected(index: number) {
    const [from, to] = this.selectedRange();
    return index >= from && index <= to;
  }
  toNotebook(): TNotebook {
    return { nbformat: 4, nbformat_minor: this.nbformatMinor, metadata: this.metadata, cells: this.cells.map(fileCell) };
  }

  // --- cell content --------------------------------------------------------------------------------
  /** Replace a cell's fields; `edit` marks the notebook dirty (outputs of a run do too). */
  updateCell(id: string, patch: Partial<TCellState> | ((cell: TCellState) => Partial<TCellState>), dirty = true) {
    const index = this.indexOf(id);
    if (index < 0) return;
    const cell = this.cells[index]!;
    this.cells[index] = { ...cell, ...(typeof patch === "function" ? patch(cell) : patch) } as TCellState;
    this.emitCell(id);
    if (!dirty) return;
    this.edits += 1;
    if (!this.dirty) {
      this.dirty = true;
      this.emit();
    }
  }
  setMetadata(metadata: TNotebook["metadata"]) {
    this.metadata = metadata;
    this.edits += 1;
    this.dirty = true;
    this.emit();
  }
  /** After a save of the notebook as it was at `edits`. */
  markSaved(edits: number) {
    this.dirty = this.edits !== edits;
    this.emit();
  }

  // --- selection and mode ------------------------------------------------------------------------
  select(index: number, extend = false) {
    const clamped = Math.max(0, Math.min(this.cells.length - 1, index));
    const before = [this.activeIndex, this.anchorIndex];
    this.activeIndex = clamped;
    if (!extend) this.anchorIndex = clamped;
    for (const i of new Set([...before, clamped, this.anchorIndex])) {
      const cell = this.cells[i];
      if (cell) this.emitCell(cell.id);
    }
    this.emit();
  }
  /** Repaints every cell in the old and new selection (a Shift+J/K range). */
  private repaintRange(from: number, to: number) {
    for (let i = Math.max(0, from); i <= Math.min(this.cells.length - 1, to); i += 1) this.emitCell(this.cells[i]!.id);
  }
  extendSelection(delta: number) {
    const [a, b] = this.selectedRange();
    this.select(this.activeIndex + delta, true);
    const [c, d] = this.selectedRange();
    this.repaintRange(Math.min(a, c), Math.max(b, d));
  }
  setMode(mode: TMode, cursorHint: "start" | "end" = "end") {
    if (mode === "edit" && this.readOnly) return;
    this.cursorHint = cursorHint;
    if (this.mode === mode) return;
    this.mode = mode;
    const cell = this.active;
    if (cell?.cell_type === "markdown" && mode === "edit") this.updateCell(cell.id, { editingMarkdown: true }, false);
    if (cell) this.emitCell(cell.id);
    this.emit();
  }

  // --- structure ---------------------------------------------------------------------------------
  private taken() {
    return new Set(this.cells.map((c) => c.id));
  }
  private structureChanged(active: number) {
    this.edits += 1;
    this.dirty = true;
    const [from, to] = this.selectedRange();
    this.activeIndex = Math.max(0, Math.min(this.cells.length - 1, active));
    this.anchorIndex = this.activeIndex;
    this.repaintRange(from, to);
    this.emit();
  }
  newCell(type: TCellType, source = ""): TCellState {
    const base = { id: newCellId(this.taken()), metadata: {}, source };
    return type === "code" ? { ...base, cell_type: "code", execution_count: null, outputs: [] } : { ...base, cell_type: type };
  }
  insert(at: number, type: TCellType = "code") {
    if (this.readOnly) return;
    const cell = this.newCell(type);
    this.cells.splice(at, 0, cell);
    this.structureChanged(at);
    return cell;
  }
  deleteSelected() {
    if (this.readOnly || this.cells.length === 0) return;
    const [from, to] = this.selectedRange();
    const removed = this.cells.splice(from, to - from + 1);
    this.deleted.push({ cells: removed, index: from });
    if (this.cells.length === 0) this.cells.push(this.newCell("code"));
    this.structureChanged(from);
  }
  undoDelete() {
    const last = this.deleted.pop();
    if (!last || this.readOnly) return;
    const taken = this.taken();
    const cells = last.cells.map((c) => (taken.has(c.id) ? { ...c, id: newCellId(taken) } : c));
    this.cells.splice(Math.min(last.index, this.cells.length), 0, ...cells);
    this.structureChanged(last.index);
  }
  moveSelected(delta: -1 | 1) {
    if (this.readOnly) return;
    const [from, to] = this.selectedRange();
    if (from + delta < 0 || to + delta >= this.cells.length) return;
    const moving = this.cells.splice(from, to - from + 1);
    this.cells.splice(from + delta, 0, ...moving);
    const active = this.activeIndex + delta;
    const anchor = this.anchorIndex + delta;
    this.structureChanged(active);
    this.anchorIndex = anchor;
    this.repaintRange(Math.min(from, from + delta), Math.max(to, to + delta));
  }
  copySelected() {
    const [from, to] = this.selectedRange();
    this.clipboard = this.cells.slice(from, to + 1).map((c) => structuredClone(fileCell(c)));
  }
  cutSelected() {
    this.copySelected();
    this.deleteSelected();
  }
  pasteBelow() {
    if (this.readOnly || this.clipboard.length === 0) return;
    const taken = this.taken();
    const cells = this.clipboard.map((c) => {
      const id = newCellId(taken);
      taken.add(id);
      return { ...structuredClone(c), id } as TCellState;
    });
    const at = this.selectedRange()[1] + 1;
    this.cells.splice(at, 0, ...cells);
    this.structureChanged(at + cells.length - 1);
  }
  changeType(type: TCellType) {
    if (this.readOnly) return;
    const [from, to] = this.selectedRange();
    for (let i = from; i <= to; i += 1) {
      const cell = this.cells[i]!;
      if (cell.cell_type === type) continue;
      const base = { id: cell.id, metadata: cell.metadata, source: cell.source };
      this.cells[i] = type === "code" ? { ...base, cell_type: "code", execution_count: null, outputs: [] } : { ...base, cell_type: type, editingMarkdown: type === "markdown" };
      this.emitCell(cell.id);
    }
    this.structureChanged(this.activeIndex);
  }
  clearOutputs(ids?: string[]) {
    for (const cell of this.cells) {
      if (cell.cell_type !== "code" || (ids && !ids.includes(cell.id))) continue;
      if (cell.outputs.length === 0 && cell.execution_count === null) continue;
      this.updateCell(cell.id, { outputs: [], execution_count: null });
    }
  }
}

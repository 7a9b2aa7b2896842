// What the toolbar buttons and the keys do, in one place (JupyterLab's notebook commands).
import type { KernelSession } from "./kernel-session";
import type { NotebookModel } from "./notebook-model";

export type TRunAdvance = "advance" | "stay" | "insert";

export class NotebookActions {
  constructor(
    readonly model: NotebookModel,
    readonly session: KernelSession | null,
    readonly save: () => void,
  ) {}

  private run(ids: string[]) {
    for (const id of ids) {
      const cell = this.model.cell(id);
      if (cell?.cell_type === "markdown" && cell.editingMarkdown) this.model.updateCell(id, { editingMarkdown: false }, false);
    }
    void this.session?.run(ids);
  }

  /** Shift+Enter (advance), Ctrl+Enter (stay), Alt+Enter (insert a cell below). */
  runSelected(advance: TRunAdvance) {
    const { model } = this;
    const [from, to] = model.selectedRange();
    this.run(model.cells.slice(from, to + 1).map((c) => c.id));
    if (advance === "stay") {
      model.select(model.activeIndex);
      model.setMode("command");
    } else if (advance === "insert" || to === model.cells.length - 1) {
      if (model.readOnly) return model.setMode("command");
      model.insert(to + 1, "code");
      model.setMode("edit");
    } else {
      model.setMode("command");
      model.select(to + 1);
    }
  }

  runAll() {
    this.run(this.model.cells.map((c) => c.id));
  }
  runAbove() {
    this.run(this.model.cells.slice(0, this.model.activeIndex).map((c) => c.id));
  }
  runBelow() {
    this.run(this.model.cells.slice(this.model.activeIndex).map((c) => c.id));
  }
  interrupt() {
    void this.session?.interrupt();
  }
  async restart() {
    await this.session?.restart();
  }
  async restartAndRunAll() {
    await this.session?.restart();
    this.model.clearOutputs();
    this.runAll();
  }
  clearAllOutputs() {
    this.model.clearOutputs();
  }
  insert(where: "above" | "below") {
    const { model } = this;
    const [from, to] = model.selectedRange();
    model.setMode("command");
    model.insert(where === "above" ? from : to + 1, "code");
  }
}

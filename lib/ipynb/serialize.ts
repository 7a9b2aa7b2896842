// Writing a TNotebook as Jupyter does (nbformat's writes()): keys sorted, one-space indent,
// non-ASCII kept as is, multi-line strings split into lists of lines, a final newline. A
// notebook Jupyter wrote comes back byte for byte when nothing changed.
import { isSplitMime, type TCell, type TJsonValue, type TMimeBundle, type TNotebook, type TOutput } from "./types";

// Python's str.splitlines(keepends=True) line boundaries.
const LINE = /[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])?/g;

export function splitLines(text: string): string[] {
  const lines = text.match(LINE) ?? [];
  return lines.filter((line) => line !== "");
}

function splitBundle(bundle: TMimeBundle): TMimeBundle {
  const out: TMimeBundle = {};
  for (const [mime, value] of Object.entries(bundle)) out[mime] = typeof value === "string" && isSplitMime(mime) ? splitLines(value) : value;
  return out;
}

function outputJson(output: TOutput): TJsonValue {
  switch (output.output_type) {
    case "stream":
      return { output_type: "stream", name: output.name, text: splitLines(output.text) };
    case "display_data":
      return { output_type: "display_data", data: splitBundle(output.data), metadata: output.metadata };
    case "execute_result":
      return { output_type: "execute_result", data: splitBundle(output.data), metadata: output.metadata, execution_count: output.execution_count };
    case "error":
      return { output_type: "error", ename: output.ename, evalue: output.evalue, traceback: output.traceback };
  }
}

function cellJson(cell: TCell): TJsonValue {
  const base = { id: cell.id, cell_type: cell.cell_type, metadata: cell.metadata, source: splitLines(cell.source) };
  if (cell.cell_type === "code") return { ...base, execution_count: cell.execution_count, outputs: cell.outputs.map(outputJson) };
  if (cell.attachments && Object.keys(cell.attachments).length > 0) {
    const attachments: Record<string, TJsonValue> = {};
    for (const [name, bundle] of Object.entries(cell.attachments)) attachments[name] = splitBundle(bundle);
    return { ...base, attachments };
  }
  return base;
}

/** Object keys sorted (Python's sort_keys=True compares code points, as does this). */
function sorted(value: TJsonValue): TJsonValue {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === "object") {
    const out: Record<string, TJsonValue> = {};
    for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = sorted(value[key] as TJsonValue);
    return out;
  }
  return value;
}

/**
 * The .ipynb text. Every cell has an id, which nbformat allows from 4.5 on, so an older minor
 * version is raised to 5 (as JupyterLab does when it saves).
 */
export function serializeNotebook(notebook: TNotebook): string {
  const doc = {
    cells: notebook.cells.map(cellJson),
    metadata: notebook.metadata,
    nbformat: 4,
    nbformat_minor: Math.max(notebook.nbformat_minor, 5),
  };
  return `${JSON.stringify(sorted(doc as TJsonValue), null, 1)}\n`;
}

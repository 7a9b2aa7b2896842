// Reading an .ipynb file (nbformat 4.0 to 4.5) into a TNotebook. A file that is not a notebook
// gets one sentence naming what is wrong and where ("Cell 3 has no source."), never a stack.
import { isValidCellId, newCellId } from "./cell-id";
import {
  isJsonMime,
  type TCell,
  type TJsonObject,
  type TJsonValue,
  type TMimeBundle,
  type TNotebook,
  type TOutput,
} from "./types";

export class NotebookFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotebookFormatError";
  }
}

export type TParseResult = {
  notebook: TNotebook;
  /** Cells whose ids were missing, invalid or repeated and were given new ones. */
  assignedIds: number;
};

function fail(message: string): never {
  throw new NotebookFormatError(message);
}

function isObject(value: unknown): value is Record<string, TJsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string or an array of strings (Jupyter's multi-line form), joined. */
function multiline(value: unknown, what: string): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((line) => typeof line === "string")) return value.join("");
  fail(`${what} should be text (a string or a list of strings), but it is ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function objectOr(value: unknown, what: string): TJsonObject {
  if (value === undefined) return {};
  if (!isObject(value)) fail(`${what} should be an object, but it is ${describe(value)}.`);
  return value;
}

function mimeBundle(value: unknown, what: string): TMimeBundle {
  const bundle = objectOr(value, what);
  const joined: TMimeBundle = {};
  for (const [mime, data] of Object.entries(bundle)) {
    joined[mime] = isJsonMime(mime) ? data : multiline(data, `${what} "${mime}"`);
  }
  return joined;
}

function executionCount(value: unknown, what: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail(`${what} should be a whole number or null.`);
  return value;
}

function parseOutput(raw: unknown, where: string): TOutput {
  if (!isObject(raw)) fail(`${where} should be an object, but it is ${describe(raw)}.`);
  switch (raw.output_type) {
    case "stream": {
      const name = raw.name;
      if (name !== "stdout" && name !== "stderr") fail(`${where} is a stream named ${JSON.stringify(name)}; it should be "stdout" or "stderr".`);
      return { output_type: "stream", name, text: multiline(raw.text, `The text of ${where}`) };
    }
    case "display_data":
      return { output_type: "display_data", data: mimeBundle(raw.data, `The data of ${where}`), metadata: objectOr(raw.metadata, `The metadata of ${where}`) };
    case "execute_result":
      return {
        output_type: "execute_result",
        data: mimeBundle(raw.data, `The data of ${where}`),
        metadata: objectOr(raw.metadata, `The metadata of ${where}`),
        execution_count: executionCount(raw.execution_count, `The execution count of ${where}`),
      };
    case "error": {
      const traceback = raw.traceback ?? [];
      if (!Array.isArray(traceback) || !traceback.every((line) => typeof line === "string")) fail(`The traceback of ${where} should be a list of strings.`);
      return { output_type: "error", ename: String(raw.ename ?? ""), evalue: String(raw.evalue ?? ""), traceback: traceback as string[] };
    }
    case undefined:
      fail(`${where} has no output_type.`);
    default:
      fail(`${where} has output_type ${JSON.stringify(raw.output_type)}; nbformat 4 knows stream, display_data, execute_result and error.`);
  }
}

function parseCell(raw: unknown, index: number, taken: Set<string>, counter: { assigned: number }): TCell {
  const where = `Cell ${index + 1}`;
  if (!isObject(raw)) fail(`${where} should be an object, but it is ${describe(raw)}.`);
  if (raw.source === undefined) fail(`${where} has no source.`);
  const source = multiline(raw.source, `The source of ${where.toLowerCase()}`);
  const metadata = objectOr(raw.metadata, `The metadata of ${where.toLowerCase()}`);
  let id = raw.id;
  if (!isValidCellId(id) || taken.has(id)) {
    id = newCellId(taken);
    counter.assigned += 1;
  }
  taken.add(id);
  const attachments = () => {
    if (raw.attachments === undefined) return {};
    const all = objectOr(raw.attachments, `The attachments of ${where.toLowerCase()}`);
    const out: Record<string, TMimeBundle> = {};
    for (const [name, bundle] of Object.entries(all)) out[name] = mimeBundle(bundle, `Attachment "${name}" of ${where.toLowerCase()}`);
    return { attachments: out };
  };
  switch (raw.cell_type) {
    case "code": {
      const outputs = raw.outputs ?? [];
      if (!Array.isArray(outputs)) fail(`The outputs of ${where.toLowerCase()} should be a list, but they are ${describe(outputs)}.`);
      return {
        cell_type: "code",
        id,
        metadata,
        source,
        execution_count: executionCount(raw.execution_count, `The execution count of ${where.toLowerCase()}`),
        outputs: outputs.map((output, i) => parseOutput(output, `Output ${i + 1} of ${where.toLowerCase()}`)),
      };
    }
    case "markdown":
      return { cell_type: "markdown", id, metadata, source, ...attachments() };
    case "raw":
      return { cell_type: "raw", id, metadata, source, ...attachments() };
    case undefined:
      fail(`${where} has no cell_type.`);
    default:
      fail(`${where} has cell_type ${JSON.stringify(raw.cell_type)}; it should be "code", "markdown" or "raw".`);
  }
}

/** Parse the text of an .ipynb file. Throws NotebookFormatError with a sentence for a bad file. */
export function parseNotebook(text: string): TParseResult {
  let raw: unknown;
  if (text.trim() === "") fail("The file is empty, so it is not a notebook yet.");
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "";
    fail(`The file is not valid JSON, so it cannot be read as a notebook${detail ? ` (${detail})` : ""}.`);
  }
  if (!isObject(raw)) fail(`A notebook is a JSON object, but this file holds ${describe(raw)}.`);
  if (raw.nbformat === undefined) fail("The file has no nbformat version, so it is not a Jupyter notebook.");
  if (raw.nbformat !== 4) {
    fail(`This notebook is nbformat ${JSON.stringify(raw.nbformat)}; Benchtop opens nbformat 4. Open and save it once in Jupyter to convert it.`);
  }
  const minor = raw.nbformat_minor ?? 0;
  if (typeof minor !== "number" || !Number.isInteger(minor) || minor < 0) fail("The file's nbformat_minor should be a whole number.");
  if (!Array.isArray(raw.cells)) fail(raw.cells === undefined ? "The notebook has no cells list." : `The notebook's cells should be a list, but they are ${describe(raw.cells)}.`);
  const taken = new Set<string>();
  const counter = { assigned: 0 };
  const cells = raw.cells.map((cell, i) => parseCell(cell, i, taken, counter));
  return {
    notebook: { nbformat: 4, nbformat_minor: minor, metadata: objectOr(raw.metadata, "The notebook's metadata"), cells },
    assignedIds: counter.assigned,
  };
}

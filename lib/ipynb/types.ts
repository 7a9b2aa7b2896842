// nbformat 4 as Benchtop holds it in memory: the file's shapes, with every multi-line string
// (sources, stream text, text mime data) joined into one string. `serialize.ts` splits them again
// the way Jupyter writes them.

export type TJsonValue = string | number | boolean | null | TJsonValue[] | { [key: string]: TJsonValue };
export type TJsonObject = { [key: string]: TJsonValue };

/** mime type -> data: a string for text and base64 images, any JSON for application/json. */
export type TMimeBundle = Record<string, TJsonValue>;

export type TStreamOutput = { output_type: "stream"; name: "stdout" | "stderr"; text: string };
export type TDisplayDataOutput = { output_type: "display_data"; data: TMimeBundle; metadata: TJsonObject };
export type TExecuteResultOutput = {
  output_type: "execute_result";
  data: TMimeBundle;
  metadata: TJsonObject;
  execution_count: number | null;
};
export type TErrorOutput = { output_type: "error"; ename: string; evalue: string; traceback: string[] };
export type TOutput = TStreamOutput | TDisplayDataOutput | TExecuteResultOutput | TErrorOutput;

type TCellBase = { id: string; metadata: TJsonObject; source: string };
export type TCodeCell = TCellBase & { cell_type: "code"; execution_count: number | null; outputs: TOutput[] };
export type TMarkdownCell = TCellBase & { cell_type: "markdown"; attachments?: Record<string, TMimeBundle> };
export type TRawCell = TCellBase & { cell_type: "raw"; attachments?: Record<string, TMimeBundle> };
export type TCell = TCodeCell | TMarkdownCell | TRawCell;
export type TCellType = TCell["cell_type"];

export type TNotebook = {
  nbformat: 4;
  nbformat_minor: number;
  metadata: TJsonObject;
  cells: TCell[];
};

/** Text-like mime types that Jupyter stores as arrays of lines (nbformat/v4/rwbase.py). */
export function isSplitMime(mime: string): boolean {
  return mime.startsWith("text/") || mime === "application/javascript" || mime === "image/svg+xml";
}

/** JSON mime types whose value is a JSON document, never joined or split. */
export function isJsonMime(mime: string): boolean {
  return mime === "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

// .ipynb in and out: notebooks written by Jupyter's own tools (tests/fixtures/notebooks, made by
// make-fixtures.py with nbclient and a real ipykernel) are imported, exported, validated by
// Debian's nbformat (what Jupyter itself runs) and re-imported with the same cells.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotebookFormatError, parseNotebook } from "@/lib/ipynb/parse";
import { serializeNotebook, splitLines } from "@/lib/ipynb/serialize";
import { appendStreamText } from "@/lib/ipynb/stream-text";

const run = promisify(execFile);
const FIXTURES = path.join(__dirname, "fixtures/notebooks");
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "ipynb-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Debian's nbformat validates the file as Jupyter reads it; throws with its message when invalid. */
async function nbformatValidate(text: string, name: string) {
  const file = path.join(scratch, name);
  await writeFile(file, text);
  await run("/usr/bin/python3", ["-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], 4)); print('valid')", file]);
}

async function fixture(name: string) {
  return readFile(path.join(FIXTURES, name), "utf8");
}

describe.each(["executed-nbclient.ipynb", "nbformat-4.4-no-ids.ipynb", "hand-made-4.0-strings.ipynb"])("%s", (name) => {
  it("exports a notebook nbformat validates, and re-imports the same cells", async () => {
    const first = parseNotebook(await fixture(name)).notebook;
    const exported = serializeNotebook(first);
    await nbformatValidate(exported, name);
    const again = parseNotebook(exported);
    expect(again.assignedIds).toBe(0);
    expect(again.notebook.cells).toEqual(first.cells);
    expect(again.notebook.metadata).toEqual(first.metadata);
    expect(serializeNotebook(again.notebook)).toBe(exported);
  });
});

describe("a notebook Jupyter wrote", () => {
  it("comes back byte for byte, outputs, images and execution counts included", async () => {
    const text = await fixture("executed-nbclient.ipynb");
    const { notebook, assignedIds } = parseNotebook(text);
    expect(assignedIds).toBe(0);
    expect(serializeNotebook(notebook)).toBe(text);
    const kinds = notebook.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs.map((o) => o.output_type) : []));
    expect(kinds).toEqual(expect.arrayContaining(["stream", "execute_result", "display_data", "error"]));
    const mimes = notebook.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs.flatMap((o) => ("data" in o ? Object.keys(o.data) : [])) : []));
    expect(mimes).toEqual(expect.arrayContaining(["text/html", "image/png", "text/markdown", "application/json", "image/svg+xml"]));
    const stream = notebook.cells[1];
    if (stream?.cell_type !== "code") throw new Error("expected a code cell");
    expect(stream.execution_count).toBe(1);
    expect(stream.outputs[0]).toEqual({ output_type: "stream", name: "stdout", text: "hello from stdout\nline 0\nline 1\nline 2\n" });
  });
});

describe("older and hand-made notebooks", () => {
  it("assigns ids to cells without them, keeps attachments, and exports as 4.5", async () => {
    const { notebook, assignedIds } = parseNotebook(await fixture("nbformat-4.4-no-ids.ipynb"));
    expect(assignedIds).toBe(notebook.cells.length);
    expect(new Set(notebook.cells.map((c) => c.id)).size).toBe(notebook.cells.length);
    const withAttachment = notebook.cells[1];
    if (withAttachment?.cell_type !== "markdown") throw new Error("expected a Markdown cell");
    expect(Object.keys(withAttachment.attachments ?? {})).toEqual(["dot.png"]);
    const exported = JSON.parse(serializeNotebook(notebook));
    expect(exported.nbformat_minor).toBe(5);
    expect(exported.cells[1].attachments["dot.png"]["image/png"]).toMatch(/^iVBOR/);
  });

  it("joins string sources, keeps unknown metadata and a carriage return in a stream", async () => {
    const { notebook } = parseNotebook(await fixture("hand-made-4.0-strings.ipynb"));
    expect(notebook.metadata.custom).toEqual({ kept: true });
    const code = notebook.cells[1];
    if (code?.cell_type !== "code") throw new Error("expected a code cell");
    expect(code.source).toBe("x = 41\nx + 1");
    expect(code.metadata).toEqual({ tags: ["setup"] });
    expect(code.outputs[1]).toEqual({ output_type: "stream", name: "stdout", text: "progress 10%\rprogress 100%\n" });
    expect(code.outputs[2]).toMatchObject({ data: { "text/plain": "<Figure>" }, metadata: { "image/png": { width: 1 } } });
  });

  it("gives a repeated id a new one", () => {
    const text = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
      { cell_type: "markdown", id: "same", metadata: {}, source: "a" },
      { cell_type: "markdown", id: "same", metadata: {}, source: "b" },
    ] });
    const { notebook, assignedIds } = parseNotebook(text);
    expect(assignedIds).toBe(1);
    expect(notebook.cells[0]?.id).toBe("same");
    expect(notebook.cells[1]?.id).not.toBe("same");
  });
});

describe("a file that is not a notebook", () => {
  const cases: [string, string, RegExp][] = [
    ["empty", "", /empty/],
    ["not JSON", "{ cells: [", /not valid JSON/],
    ["a list", "[]", /JSON object, but this file holds a list/],
    ["no version", "{\"cells\": []}", /no nbformat version/],
    ["nbformat 3", "{\"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": []}", /nbformat 3; Benchtop opens nbformat 4/],
    ["no cells", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", /no cells list/],
    ["bad cell type", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"heading\", \"source\": \"\"}]}", /Cell 1 has cell_type "heading"/],
    ["no source", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"code\"}]}", /Cell 1 has no source/],
    ["bad source", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"code\", \"source\": 3}]}", /source of cell 1 should be text/],
    ["bad output", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [{\"output_type\": \"pyout\"}]}]}", /Output 1 of cell 1 has output_type "pyout"/],
  ];
  it.each(cases)("%s: a sentence naming the problem", (_name, text, message) => {
    expect(() => parseNotebook(text)).toThrow(NotebookFormatError);
    expect(() => parseNotebook(text)).toThrow(message);
  });
});

describe("splitLines", () => {
  it("splits as Python's splitlines(True) does", () => {
    expect(splitLines("a\nb\r\nc\rd")).toEqual(["a\n", "b\r\n", "c\r", "d"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("end\n")).toEqual(["end\n"]);
  });
});

describe("appendStreamText", () => {
  it("overwrites a line on carriage return, keeps \\r\\n as a newline, erases on backspace", () => {
    let text = appendStreamText("", "epoch 1\n");
    text = appendStreamText(text, "10%\r");
    text = appendStreamText(text, "50%\r");
    expect(text).toBe("epoch 1\n50%\r");
    text = appendStreamText(text, "100%\n");
    expect(text).toBe("epoch 1\n100%\n");
    expect(appendStreamText("a\r\nb", "")).toBe("a\nb");
    expect(appendStreamText("abc\b", "d")).toBe("abd");
  });
});

import { describe, expect, it } from "vitest";
import { LineSplitter, MAX_LINE_CHARS } from "../../cli/agent/line-splitter";

function split(chunks: (string | Buffer)[]): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((l) => lines.push(l));
  for (const c of chunks) splitter.push(typeof c === "string" ? Buffer.from(c) : c);
  splitter.end();
  return lines;
}

describe("LineSplitter", () => {
  it("splits on \\n and \\r\\n, across chunk boundaries, keeping empty lines and a last line without newline", () => {
    expect(split(["a\nb", "c\r", "\n\r\nd\n\ne"])).toEqual(["a", "bc", "", "d", "", "e"]);
  });

  it("treats a lone \\r (progress bars) as a line end, without empty lines for it", () => {
    expect(split(["\r 10%|#   |", "\r 50%|##  |\r100%|####|\n", "done\n"])).toEqual([" 10%|#   |", " 50%|##  |", "100%|####|", "done"]);
  });

  it("keeps UTF-8 characters split across chunks whole", () => {
    const bytes = Buffer.from("héllo ✓ 🚀\n");
    expect(split([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)])).toEqual(["héllo ✓ 🚀"]);
  });

  it("cuts a line longer than 64 KiB into pieces the protocol accepts, never inside a surrogate pair", () => {
    const long = "x".repeat(MAX_LINE_CHARS - 1) + "🚀" + "y".repeat(10);
    const lines = split([long.slice(0, 1000), long.slice(1000) + "\n"]);
    expect(lines.every((l) => l.length <= MAX_LINE_CHARS)).toBe(true);
    expect(lines.join("")).toBe(long);
    expect(lines[0]).toBe("x".repeat(MAX_LINE_CHARS - 1));
    const huge = split(["z".repeat(MAX_LINE_CHARS * 3 + 5)]);
    expect(huge.map((l) => l.length)).toEqual([MAX_LINE_CHARS, MAX_LINE_CHARS, MAX_LINE_CHARS, 5]);
  });
});

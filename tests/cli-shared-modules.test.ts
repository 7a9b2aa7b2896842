// The CLI and the server share one shell quoting (lib/shell.ts, shell-quote) and one MIME table
// (lib/media-type.ts, mime-types).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { mediaTypeByName } from "../lib/media-type";
import { runAsJobCommand } from "../lib/job-command";
import { shellJoin, shellWord } from "../lib/shell";
import { mediaTypeOf } from "../server/files/content-kind";
import { notebookJobCommand } from "../server/kernels/notebook-job";
import { contentTypeOf } from "../server/storage/content-type";

describe("one shell quoting", () => {
  it("gives bash -c back the words as typed", () => {
    const words = ["python3", "train.py", "--name", "a b", "it's", "$HOME", "a&b;c", "", "naïve é", "*.csv", "line\nbreak", "back\\slash", '"quoted"'];
    const r = spawnSync("bash", ["-c", `printf '%s\\0' ${shellJoin(words)}`], { encoding: "utf8" });
    expect(r.stdout.split("\0").slice(0, -1)).toEqual(words);
  });

  it("is the one the notebook runner and Run as job use", () => {
    const path = "notebooks/it's a test.ipynb";
    expect(notebookJobCommand(path)).toBe(`python3 -m benchtop_notebook ${shellWord(path)}`);
    expect(runAsJobCommand("scripts/it's.py")).toBe(`python ${shellWord("scripts/it's.py")}`);
  });
});

describe("one MIME table", () => {
  it("knows what mime-db knows, and the lab formats it lacks", () => {
    expect(mediaTypeByName("runs/a.csv")).toBe("text/csv");
    expect(mediaTypeByName("clips/a.webm")).toBe("video/webm");
    expect(mediaTypeByName("t/part-0.parquet")).toBe("application/vnd.apache.parquet");
    expect(mediaTypeByName("train.py")).toBe("text/x-python");
    expect(mediaTypeByName("README")).toBeNull();
  });

  it("is the table the stores and the files API describe with", () => {
    expect(contentTypeOf("clips/a.webm")).toBe("video/webm");
    expect(contentTypeOf("weights.bin.unknownext")).toBe("application/octet-stream");
    expect(mediaTypeOf("clips/a.webm", false)).toBe("video/webm");
    expect(mediaTypeOf("notes", true)).toBe("text/plain");
  });
});

// The agent's own output: one line per thing that happened, `time event key=value ...`, so a
// person can read it and `grep job=...` or a log shipper can parse it. Values with spaces are
// JSON-quoted. Never pass a token or a job's env here.

/** Fields left undefined or null are not printed. */
export type ProgressFields = Record<string, string | number | boolean | null | undefined>;
export type Progress = (event: string, fields?: ProgressFields) => void;

export function formatProgressLine(event: string, fields: ProgressFields = {}, now = new Date()): string {
  const parts = [now.toISOString(), event];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    const text = String(value);
    parts.push(`${key}=${text === "" || /[\s"=]/.test(text) ? JSON.stringify(text) : text}`);
  }
  return parts.join(" ");
}

export function progressTo(stream: NodeJS.WritableStream): Progress {
  return (event, fields) => {
    stream.write(formatProgressLine(event, fields) + "\n");
  };
}

/** For tests and embedding: keeps the lines instead of printing them. */
export function progressInto(lines: string[]): Progress {
  return (event, fields) => {
    lines.push(formatProgressLine(event, fields));
  };
}

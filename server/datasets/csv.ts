// A CSV/TSV reader for previews (RFC 4180: quoted fields, "" inside quotes, separators and line
// breaks inside quotes, CRLF or LF). `partial` means the text was cut: its last row may be half
// a row, so it is dropped.
export function parseDelimited(text: string, separator: string, opts: { maxRows: number; partial: boolean }): { rows: string[][]; truncated: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not data
  let rowComplete = true;
  const endRow = () => {
    row.push(field);
    field = "";
    if (!(row.length === 1 && row[0] === "")) rows.push(row); // blank lines hold no row
    row = [];
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    rowComplete = false;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      rowComplete = true;
      if (rows.length > opts.maxRows) return { rows: rows.slice(0, opts.maxRows), truncated: true };
    } else field += c;
  }
  if (!rowComplete && !opts.partial) endRow();
  const truncated = opts.partial || rows.length > opts.maxRows;
  return { rows: rows.slice(0, opts.maxRows), truncated };
}

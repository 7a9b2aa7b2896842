// Stream output as a terminal shows it: a carriage return moves back to the start of the line
// (progress bars overwrite themselves), a backspace erases one character. Applied as chunks
// arrive, so a notebook keeps the final line, not every frame of a tqdm bar.

function settleLine(line: string): string {
  // A trailing \r is kept: the next chunk may overwrite the line, or a \n may follow it.
  const end = line.endsWith("\r") ? line.length - 1 : line.length;
  const lastReturn = line.lastIndexOf("\r", end - 1);
  let text = lastReturn >= 0 ? line.slice(lastReturn + 1) : line;
  while (text.includes("\b")) text = text.replace(/[^\x08\n]?\x08/, "");
  return text;
}

/** The stream text after `chunk` arrives on top of `previous`. */
export function appendStreamText(previous: string, chunk: string): string {
  const text = (previous + chunk).replace(/\r\n/g, "\n");
  if (!text.includes("\r") && !text.includes("\b")) return text;
  return text.split("\n").map(settleLine).join("\n");
}

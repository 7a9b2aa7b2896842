// Turns a job's output stream into log lines. A line ends at \n, \r\n or a lone \r (progress bars
// such as tqdm redraw with \r; each redraw becomes a line instead of one endless one). A line
// longer than the protocol's 65,536 characters is cut into pieces of that size, so a job printing
// megabytes without a newline neither grows the agent's memory nor breaks a batch.
import { StringDecoder } from "node:string_decoder";

export const MAX_LINE_CHARS = 65_536;

export class LineSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private partial = "";
  /** The last chunk ended with \r: a \n that starts the next one belongs to it. */
  private pendingCR = false;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer | string): void {
    this.consume(typeof chunk === "string" ? chunk : this.decoder.write(chunk));
  }

  /** The stream ended: a last line without a newline is still a line. */
  end(): void {
    this.consume(this.decoder.end());
    if (this.partial !== "") this.onLine(this.partial);
    this.partial = "";
  }

  private consume(text: string): void {
    let start = 0;
    if (this.pendingCR && text.startsWith("\n")) start = 1;
    this.pendingCR = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
      this.emit(this.partial + text.slice(start, i), c === 13 && !crlf);
      this.partial = "";
      if (crlf) i++;
      else if (c === 13 && i + 1 === text.length) this.pendingCR = true;
      start = i + 1;
    }
    this.partial = this.cutLong(this.partial + text.slice(start));
  }

  /** Emits full-size pieces from the front of `text` while it is too long; returns the rest. */
  private cutLong(text: string): string {
    while (text.length > MAX_LINE_CHARS) {
      // Never cut between the two halves of a surrogate pair (an emoji, say).
      let cut = MAX_LINE_CHARS;
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
      this.onLine(text.slice(0, cut));
      text = text.slice(cut);
    }
    return text;
  }

  private emit(line: string, byCarriageReturn: boolean): void {
    // "\rprogress 10%" leaves an empty piece before the first \r: not worth a line.
    if (line === "" && byCarriageReturn) return;
    this.onLine(this.cutLong(line));
  }
}

// Progress for `benchtop data cp`: a bar redrawn on stderr when it is a terminal, otherwise one
// plain line per file (logs and CI stay readable).
import { formatBytes } from "../../lib/format-bytes";

export class Progress {
  private done = 0;
  private files = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly total: number,
    private readonly fileCount: number,
  ) {}

  add(bytes: number) {
    this.done += bytes;
    if (this.tty && Date.now() - this.lastDraw > 100) this.draw();
  }

  fileDone(line: string) {
    this.files++;
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${line}\n`);
      this.draw();
    } else process.stdout.write(`${line}\n`);
  }

  private draw() {
    this.lastDraw = Date.now();
    const width = 30;
    const share = this.total ? Math.min(1, this.done / this.total) : 1;
    const filled = Math.round(share * width);
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    process.stderr.write(
      `\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(share * 100)}%  ${formatBytes(this.done)} of ${formatBytes(this.total)}  ${formatBytes(rate)}/s  ${this.files}/${this.fileCount} files`,
    );
  }

  finish() {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const summary = `${this.files} file${this.files === 1 ? "" : "s"}, ${formatBytes(this.done)} in ${seconds.toFixed(1)} s (${formatBytes(this.done / seconds)}/s)`;
    if (this.tty) process.stderr.write(`\r\x1b[2K${summary}\n`);
    else process.stderr.write(`${summary}\n`);
  }
}

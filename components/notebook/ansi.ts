"use client";
// Terminal colours in streams and tracebacks (ansi_up escapes the text; its output is safe HTML).
import { AnsiUp } from "ansi_up";

const ansi = new AnsiUp();
ansi.use_classes = true;

export function ansiToHtml(text: string): string {
  return ansi.ansi_to_html(text);
}

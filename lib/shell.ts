// The one shell quoting (shell-quote): argv words into a command line that `bash -c` splits back
// into the same words, so `benchtop submit -- python train.py --name "a b"` runs as typed.
import { quote } from "shell-quote";

export function shellJoin(words: string[]): string {
  return quote(words);
}

/** One word (a path), quoted only when it needs it. */
export function shellWord(word: string): string {
  return quote([word]);
}

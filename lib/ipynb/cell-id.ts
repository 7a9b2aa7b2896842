// Cell ids (nbformat 4.5): 1-64 characters of [a-zA-Z0-9-_], unique within the notebook.
const ID_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

export function isValidCellId(id: unknown): id is string {
  return typeof id === "string" && ID_PATTERN.test(id);
}

/** A fresh id like Jupyter's (8 hex characters of a random UUID). */
export function newCellId(taken?: ReadonlySet<string>): string {
  for (;;) {
    const bytes = new Uint8Array(4);
    globalThis.crypto.getRandomValues(bytes);
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    if (!taken?.has(id)) return id;
  }
}

// Monaco's language for a path: the ones researchers write (Python, R, shell, YAML, JSON,
// Markdown) and a few neighbours; anything else opens as plain text.
const BY_EXTENSION: Record<string, string> = {
  py: "python", pyi: "python", r: "r", sh: "shell", bash: "shell", zsh: "shell", yaml: "yaml", yml: "yaml", json: "json",
  ipynb: "json", md: "markdown", markdown: "markdown", js: "javascript", mjs: "javascript", ts: "typescript", tsx: "typescript",
  jl: "julia", sql: "sql", toml: "ini", ini: "ini", cfg: "ini", html: "html", css: "css", xml: "xml", svg: "xml",
  dockerfile: "dockerfile", cpp: "cpp", c: "c", h: "c", cu: "cpp", java: "java", go: "go", rs: "rust",
};

export function languageOf(path: string): string {
  const name = (path.split("/").pop() ?? path).toLowerCase();
  if (name === "dockerfile") return "dockerfile";
  if (name === "makefile") return "plaintext";
  const ext = name.includes(".") ? name.split(".").pop()! : "";
  return BY_EXTENSION[ext] ?? "plaintext";
}

export function isNotebookPath(path: string): boolean {
  return path.toLowerCase().endsWith(".ipynb");
}

import {
  Braces,
  File,
  FileCode,
  FileCog,
  FileImage,
  FileSpreadsheet,
  FileText,
  NotebookPen,
  type LucideIcon,
} from "lucide-react";

const BY_EXTENSION: Record<string, { icon: LucideIcon; kind: string }> = {
  py: { icon: FileCode, kind: "Python" },
  r: { icon: FileCode, kind: "R" },
  jl: { icon: FileCode, kind: "Julia" },
  sh: { icon: FileCode, kind: "Shell script" },
  js: { icon: FileCode, kind: "JavaScript" },
  ts: { icon: FileCode, kind: "TypeScript" },
  ipynb: { icon: NotebookPen, kind: "Notebook" },
  md: { icon: FileText, kind: "Markdown" },
  txt: { icon: FileText, kind: "Text" },
  json: { icon: Braces, kind: "JSON" },
  yaml: { icon: FileCog, kind: "YAML" },
  yml: { icon: FileCog, kind: "YAML" },
  toml: { icon: FileCog, kind: "TOML" },
  cfg: { icon: FileCog, kind: "Config" },
  ini: { icon: FileCog, kind: "Config" },
  csv: { icon: FileSpreadsheet, kind: "CSV" },
  tsv: { icon: FileSpreadsheet, kind: "TSV" },
  parquet: { icon: FileSpreadsheet, kind: "Parquet" },
  png: { icon: FileImage, kind: "Image" },
  jpg: { icon: FileImage, kind: "Image" },
  jpeg: { icon: FileImage, kind: "Image" },
  svg: { icon: FileImage, kind: "Image" },
};

const COLOR: Record<string, string> = {
  Python: "text-sky-600 dark:text-sky-400",
  R: "text-sky-600 dark:text-sky-400",
  Notebook: "text-orange-600 dark:text-orange-400",
  Markdown: "text-muted-foreground",
  YAML: "text-violet-600 dark:text-violet-400",
  JSON: "text-violet-600 dark:text-violet-400",
  CSV: "text-emerald-600 dark:text-emerald-400",
};

export function fileKind(path: string): { icon: LucideIcon; kind: string } {
  const name = path.split("/").pop() ?? path;
  const ext = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  if (name.toLowerCase() === "dockerfile") return { icon: FileCog, kind: "Dockerfile" };
  return BY_EXTENSION[ext] ?? { icon: File, kind: "File" };
}

export function FileIcon({ path }: { path: string }) {
  const { icon: Icon, kind } = fileKind(path);
  return <Icon className={`size-4 shrink-0 ${COLOR[kind] ?? "text-muted-foreground"}`} aria-hidden />;
}

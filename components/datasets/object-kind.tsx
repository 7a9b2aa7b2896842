import { Binary, Braces, File, FileArchive, FileCode, FileImage, FileSpreadsheet, FileText, Folder, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/cn";

type Kind = { icon: LucideIcon; label: string; color: string };

const TABLE: Kind = { icon: FileSpreadsheet, label: "Table", color: "text-emerald-600 dark:text-emerald-400" };
const IMAGE: Kind = { icon: FileImage, label: "Image", color: "text-pink-600 dark:text-pink-400" };
const TEXT: Kind = { icon: FileText, label: "Text", color: "text-muted-foreground" };
const JSON_KIND: Kind = { icon: Braces, label: "JSON", color: "text-violet-600 dark:text-violet-400" };
const ARRAY: Kind = { icon: Binary, label: "Array", color: "text-amber-600 dark:text-amber-400" };
const CODE: Kind = { icon: FileCode, label: "Code", color: "text-sky-600 dark:text-sky-400" };
const ARCHIVE: Kind = { icon: FileArchive, label: "Archive", color: "text-orange-600 dark:text-orange-400" };
const OTHER: Kind = { icon: File, label: "File", color: "text-muted-foreground" };

const BY_EXTENSION: Record<string, Kind> = {
  csv: TABLE,
  tsv: TABLE,
  parquet: TABLE,
  png: IMAGE,
  jpg: IMAGE,
  jpeg: IMAGE,
  webp: IMAGE,
  gif: IMAGE,
  txt: TEXT,
  md: TEXT,
  log: TEXT,
  json: JSON_KIND,
  jsonl: JSON_KIND,
  ndjson: JSON_KIND,
  npy: ARRAY,
  npz: ARRAY,
  pt: ARRAY,
  safetensors: ARRAY,
  h5: ARRAY,
  py: CODE,
  r: CODE,
  sh: CODE,
  yaml: CODE,
  yml: CODE,
  zip: ARCHIVE,
  tar: ARCHIVE,
  gz: ARCHIVE,
  tgz: ARCHIVE,
  zst: ARCHIVE,
};

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function objectKind(name: string): Kind {
  return BY_EXTENSION[extensionOf(name)] ?? OTHER;
}

/** Images a browser draws itself (thumbnails in the grid). */
export function isImageName(name: string): boolean {
  return objectKind(name) === IMAGE;
}

export function ObjectIcon({ name, folder, className }: { name: string; folder?: boolean; className?: string }) {
  if (folder) return <Folder className={cn("size-4 shrink-0 fill-sky-500/15 text-sky-600 dark:text-sky-400", className)} aria-hidden />;
  const kind = objectKind(name);
  const Icon = kind.icon;
  return <Icon className={cn("size-4 shrink-0", kind.color, className)} aria-hidden />;
}

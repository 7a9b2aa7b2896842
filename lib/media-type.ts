// The one MIME table: mime-types (mime-db, the table Express and most of npm use), plus the few
// research formats it lacks. The server describes stored files and dataset objects with it; the CLI
// labels what `data cp` uploads with it, as `aws s3 cp` guesses a type by name.
import mime from "mime-types";

/** Lab formats mime-db does not know (its .ts is MPEG video, so TypeScript is named here too). */
const EXTRA: Record<string, string> = {
  parquet: "application/vnd.apache.parquet",
  jsonl: "application/x-ndjson",
  ndjson: "application/x-ndjson",
  ipynb: "application/x-ipynb+json",
  py: "text/x-python",
  r: "text/x-r",
  ts: "text/x-typescript",
  tsx: "text/x-typescript",
  npy: "application/x-npy",
  npz: "application/zip",
  h5: "application/x-hdf5",
  hdf5: "application/x-hdf5",
  log: "text/plain",
};

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** "runs/a.csv" -> "text/csv"; null when the name says nothing (no extension, or one nobody lists). */
export function mediaTypeByName(path: string): string | null {
  const ext = extensionOf(path);
  if (!ext) return null;
  return EXTRA[ext] ?? (mime.lookup(ext) || null);
}

// Content types from file names, for stores that keep none (the local driver) and for uploads
// that name none.
const TYPES: Record<string, string> = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  txt: "text/plain",
  md: "text/markdown",
  log: "text/plain",
  json: "application/json",
  jsonl: "application/x-ndjson",
  ndjson: "application/x-ndjson",
  yaml: "application/yaml",
  yml: "application/yaml",
  xml: "application/xml",
  html: "text/html",
  py: "text/x-python",
  r: "text/x-r",
  ipynb: "application/x-ipynb+json",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  tif: "image/tiff",
  tiff: "image/tiff",
  parquet: "application/vnd.apache.parquet",
  npy: "application/x-npy",
  npz: "application/zip",
  zip: "application/zip",
  gz: "application/gzip",
  tar: "application/x-tar",
  pdf: "application/pdf",
  h5: "application/x-hdf5",
  pt: "application/octet-stream",
};

export function contentTypeOf(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return (dot > 0 && TYPES[name.slice(dot + 1).toLowerCase()]) || "application/octet-stream";
}

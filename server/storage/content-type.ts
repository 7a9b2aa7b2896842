// Content types from file names, for stores that keep none (the local driver) and for uploads
// that name none: the one MIME table (lib/media-type.ts).
import { mediaTypeByName } from "../../lib/media-type";

export function contentTypeOf(key: string): string {
  return mediaTypeByName(key) ?? "application/octet-stream";
}

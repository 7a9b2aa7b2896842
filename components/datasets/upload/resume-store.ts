// Where a multipart upload that did not finish is remembered, so a retry (even after a reload)
// asks the store which parts it already holds and sends only the rest. Keyed by what makes it the
// same upload: dataset, key, and the file's size and modification time (a changed file starts over).

export type ResumeRecord = { uploadId: string; partSize: number; partCount: number; savedAt: number };

const PREFIX = "benchtop.upload.";
/** An upload left alone this long is assumed gone from the store (S3 lifecycle rules clean them up). */
const MAX_AGE_MS = 7 * 24 * 3600_000;

export function resumeKey(parts: { projectSlug: string; dataset: string; key: string; size: number; lastModified: number }): string {
  return `${PREFIX}${parts.projectSlug}/${parts.dataset}\u0000${parts.key}\u0000${parts.size}\u0000${parts.lastModified}`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // Private modes may refuse storage; uploads still work, only without resume.
  }
}

export function loadResume(key: string): ResumeRecord | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const record = JSON.parse(raw) as ResumeRecord;
    if (typeof record.uploadId !== "string" || Date.now() - record.savedAt > MAX_AGE_MS) {
      storage()?.removeItem(key);
      return null;
    }
    return record;
  } catch {
    storage()?.removeItem(key);
    return null;
  }
}

export function saveResume(key: string, record: Omit<ResumeRecord, "savedAt">): void {
  try {
    storage()?.setItem(key, JSON.stringify({ ...record, savedAt: Date.now() }));
  } catch {
    // A full storage only costs the resume.
  }
}

export function forgetResume(key: string): void {
  storage()?.removeItem(key);
}

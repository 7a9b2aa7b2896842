// Dataset versions: a snapshot freezes the list of keys, sizes and ETags as a gzipped JSONL blob.
import { AppError } from "../errors";
import type { TDatasetSnapshot, TSnapshotDiff } from "./schemas";

const todo = () => new AppError("UNAVAILABLE", "Snapshots are being built.");
type Ref = { actorId: string; projectSlug: string; dataset: string };

export async function listDatasetSnapshots(_args: Ref): Promise<TDatasetSnapshot[]> {
  throw todo();
}
export async function createDatasetSnapshot(_args: Ref & { note: string }): Promise<TDatasetSnapshot> {
  throw todo();
}
export async function diffDatasetSnapshots(_args: Ref & { from: number; to: number | "live"; limit: number }): Promise<TSnapshotDiff> {
  throw todo();
}

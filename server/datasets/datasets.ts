// Datasets: a bucket and prefix on a data store, shared with a project's members.
import { AppError } from "../errors";
import type { TCreateDatasetInput, TDatasetSummary } from "./schemas";

const todo = () => new AppError("UNAVAILABLE", "Datasets are being built.");

export async function listDatasets(_args: { actorId: string; projectSlug: string }): Promise<TDatasetSummary[]> {
  throw todo();
}
export async function getDataset(_args: { actorId: string; projectSlug: string; dataset: string }): Promise<TDatasetSummary> {
  throw todo();
}
export async function createDataset(_args: { actorId: string } & TCreateDatasetInput): Promise<TDatasetSummary> {
  throw todo();
}
export async function updateDataset(_args: { actorId: string; projectSlug: string; dataset: string; name?: string; description?: string }): Promise<TDatasetSummary> {
  throw todo();
}
export async function removeDataset(_args: { actorId: string; projectSlug: string; dataset: string }): Promise<void> {
  throw todo();
}

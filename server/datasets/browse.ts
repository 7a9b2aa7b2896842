// Reading a dataset: one folder page at a time, object details, folder size, download URLs.
import { AppError } from "../errors";
import type { z } from "zod";
import type { TBrowseInput, TBrowseOutput, ZFolderSizeOutput, ZHeadOutput } from "./schemas";

const todo = () => new AppError("UNAVAILABLE", "Datasets are being built.");
type Ref = { actorId: string; projectSlug: string; dataset: string };

export async function browseDataset(_args: { actorId: string } & TBrowseInput): Promise<TBrowseOutput> {
  throw todo();
}
export async function headDatasetObject(_args: Ref & { key: string }): Promise<z.infer<typeof ZHeadOutput>> {
  throw todo();
}
export async function datasetFolderSize(_args: Ref & { prefix: string }): Promise<z.infer<typeof ZFolderSizeOutput>> {
  throw todo();
}
export async function datasetDownloadUrl(_args: Ref & { key: string }): Promise<{ url: string; expiresAt: Date }> {
  throw todo();
}

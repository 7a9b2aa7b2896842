import { AppError } from "../errors";
import type { TPreview } from "./schemas";

export async function previewDatasetObject(_args: { actorId: string; projectSlug: string; dataset: string; key: string }): Promise<TPreview> {
  throw new AppError("UNAVAILABLE", "Previews are being built.");
}

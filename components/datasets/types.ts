// What the datasets procedures return, as the browser's components receive it (types only: the
// schemas themselves stay on the server).
import type { z } from "zod";
import type {
  TBrowseOutput,
  TDataStore,
  TDataStoreView,
  TDatasetSnapshot,
  TDatasetSummary,
  TDatasetView,
  TLocationShare,
  TPreview,
  TSnapshotDiff,
  ZFolderSizeOutput,
  ZHeadOutput,
} from "@/server/datasets/schemas";

export type { TDataStore, TDataStoreView, TDatasetSnapshot, TDatasetSummary, TDatasetView, TLocationShare, TPreview, TSnapshotDiff };

/** A full store, as lab members get it (externals get only its name and kind). */
export const isFullStore = (s: TDataStoreView): s is TDataStore => "region" in s;
export type TBrowsePage = TBrowseOutput;
export type TFolder = TBrowsePage["folders"][number];
export type TObject = TBrowsePage["objects"][number];
export type THead = z.infer<typeof ZHeadOutput>;
export type TFolderSize = z.infer<typeof ZFolderSizeOutput>;

/** One row of the browser: folders first, then objects. */
export type BrowserRow = ({ type: "folder" } & TFolder) | ({ type: "object" } & TObject);

export type SortKey = "name" | "size" | "modified";
export type Sort = { by: SortKey; desc: boolean };

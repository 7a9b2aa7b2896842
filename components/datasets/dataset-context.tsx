"use client";
// The dataset a page is in, who may change it, and its upload queue. Provided by the dataset's
// layout, so uploads keep going (and their panel stays) while the person opens other folders.
import { createContext, useContext, type ReactNode } from "react";
import { UploadPanel } from "./upload/upload-panel";
import type { UploadQueue } from "./upload/upload-queue";
import { useUploadQueue } from "./upload/use-upload-queue";

/** dataset: its name, as every datasets procedure takes it. */
export type DatasetScope = { projectSlug: string; dataset: string; canEdit: boolean; uploads: UploadQueue };

const DatasetContext = createContext<DatasetScope | null>(null);

export function DatasetProvider({ projectSlug, dataset, canEdit, children }: Omit<DatasetScope, "uploads"> & { children: ReactNode }) {
  const uploads = useUploadQueue(projectSlug, dataset);
  return (
    <DatasetContext.Provider value={{ projectSlug, dataset, canEdit, uploads }}>
      {children}
      <UploadPanel queue={uploads} />
    </DatasetContext.Provider>
  );
}

export function useDataset(): DatasetScope {
  const scope = useContext(DatasetContext);
  if (!scope) throw new Error("useDataset outside a DatasetProvider");
  return scope;
}

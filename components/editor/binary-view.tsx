"use client";
// A file the editor does not open as text: images are shown, anything else is described and
// offered for download.
import { Download, FileQuestion } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/format-bytes";
import { contentUrl, nameOf } from "./file-urls";

const IMAGE = /\.(png|jpe?g|gif|webp|bmp|ico)$/i;
const KIND: Record<string, string> = {
  pdf: "PDF document", zip: "Zip archive", gz: "Gzip archive", tar: "Tar archive", parquet: "Parquet table", npy: "NumPy array",
  npz: "NumPy arrays", pt: "PyTorch weights", pth: "PyTorch weights", ckpt: "Checkpoint", safetensors: "Safetensors weights",
  pkl: "Python pickle", h5: "HDF5 file", onnx: "ONNX model", csv: "CSV table", mp4: "Video", wav: "Audio",
};

export function BinaryView({ projectSlug, path, sizeBytes, tooLarge }: { projectSlug: string; path: string; sizeBytes: number; tooLarge: boolean }) {
  const ext = path.includes(".") ? path.split(".").pop()!.toLowerCase() : "";
  const download = contentUrl(projectSlug, path);
  if (IMAGE.test(path)) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-4 overflow-auto bg-[repeating-conic-gradient(var(--color-muted)_0_25%,transparent_0_50%)] bg-[length:20px_20px] p-6">
        {/* eslint-disable-next-line @next/next/no-img-element -- a project file, served by our own API */}
        <img src={contentUrl(projectSlug, path, { inline: true })} alt={nameOf(path)} className="max-h-[70%] max-w-full rounded-md border border-border bg-background shadow-sm" />
        <p className="rounded-md bg-background/90 px-3 py-1.5 text-sm text-muted-foreground">
          {nameOf(path)} · {formatBytes(sizeBytes)} ·{" "}
          <a href={download} className="font-medium text-primary hover:underline">Download</a>
        </p>
      </div>
    );
  }
  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 p-6 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <FileQuestion className="size-6" aria-hidden />
      </span>
      <div className="space-y-1">
        <p className="font-medium">{nameOf(path)}</p>
        <p className="text-sm text-muted-foreground">
          {KIND[ext] ?? (ext ? `.${ext} file` : "File")} · {formatBytes(sizeBytes)}
        </p>
        <p className="max-w-sm text-sm text-muted-foreground">
          {tooLarge ? "This file is too large to open in the editor (over 20 MB)." : "This file is not text, so it does not open in the editor."}
        </p>
      </div>
      <Button asChild variant="outline" size="sm">
        <a href={download}>
          <Download aria-hidden />
          Download
        </a>
      </Button>
    </div>
  );
}

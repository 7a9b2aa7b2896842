"use client";

import { FileQuestion } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { TPreview } from "./types";
import { useViewableUrl } from "./use-viewable-url";

type TablePreview = Extract<TPreview, { kind: "table" }>;

function ImagePreview({ url, size }: { url: string; size: "panel" | "dialog" }) {
  const { src, failed } = useViewableUrl(url);
  return (
    <figure className="flex justify-center rounded-md border border-border bg-[repeating-conic-gradient(var(--muted)_0%_25%,transparent_0%_50%)] bg-[length:16px_16px] p-2">
      {failed ? (
        <Caption>The store did not hand over the image (its CORS rules must allow GET from this site).</Caption>
      ) : src ? (
        // A presigned URL straight to the store (or its bytes as a blob:); next/image would proxy it through the server.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt="Image preview" className={cn("object-contain", size === "panel" ? "h-56 w-full" : "max-h-[70dvh] min-h-64 max-w-full")} />
      ) : (
        <div className={cn("w-full animate-pulse rounded bg-muted/60", size === "panel" ? "h-56" : "h-64")} aria-label="Loading the image" />
      )}
    </figure>
  );
}

/** What a preview shows; `size` picks the side panel's compact form or the dialog's roomy one. */
export function PreviewBody({ preview, size, download }: { preview: TPreview; size: "panel" | "dialog"; download?: ReactNode }) {
  switch (preview.kind) {
    case "table":
      return <TableView preview={preview} size={size} />;
    case "text":
      return (
        <figure className="space-y-1.5">
          <pre
            aria-label="Text preview"
            className={cn(
              "overflow-auto rounded-md border border-border bg-muted/40 p-3 font-mono text-[12px] leading-relaxed break-all whitespace-pre-wrap",
              size === "panel" ? "max-h-72" : "max-h-[65dvh]",
            )}
          >
            {preview.format === "json" ? prettyJson(preview.text, preview.truncated) : preview.text}
          </pre>
          {preview.truncated ? <Caption>Showing the first part of the file.</Caption> : null}
        </figure>
      );
    case "image":
      return <ImagePreview url={preview.url} size={size} />;
    case "npy":
      return (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 rounded-md border border-border bg-muted/30 p-3 text-sm">
          <dt className="text-muted-foreground">dtype</dt>
          <dd className="font-mono">{preview.dtype}</dd>
          <dt className="text-muted-foreground">shape</dt>
          <dd className="font-mono">({preview.shape.join(", ")}{preview.shape.length === 1 ? "," : ""})</dd>
          <dt className="text-muted-foreground">elements</dt>
          <dd className="font-mono tabular-nums">{preview.shape.reduce((a, b) => a * b, 1).toLocaleString("en-US")}</dd>
          <dt className="text-muted-foreground">order</dt>
          <dd>{preview.fortranOrder ? "Fortran (column-major)" : "C (row-major)"}</dd>
        </dl>
      );
    case "none":
      return (
        <div className="flex flex-col items-center gap-2 rounded-md border border-dashed border-border px-4 py-6 text-center text-sm">
          <FileQuestion className="size-6 text-muted-foreground" aria-hidden />
          <p className="text-muted-foreground">{preview.reason}</p>
          {download}
        </div>
      );
  }
}

function TableView({ preview, size }: { preview: TablePreview; size: "panel" | "dialog" }) {
  const types = new Map(preview.schema?.map((c) => [c.name, c.type]));
  const numeric = preview.columns.map((_, i) => preview.rows.length > 0 && preview.rows.every((r) => r[i] === undefined || r[i] === "" || NUMBER.test(r[i]!)));
  return (
    <figure className="space-y-1.5">
      <div className={cn("overflow-auto rounded-md border border-border", size === "panel" ? "max-h-80" : "max-h-[65dvh]")}>
        <table aria-label="Table preview" className="w-max min-w-full border-collapse text-xs">
          <thead className="sticky top-0 z-10 bg-muted shadow-[0_1px_0_var(--border)]">
            <tr>
              <th scope="col" className="sticky left-0 bg-muted px-2 py-1.5 text-right font-normal text-muted-foreground/70">
                #
              </th>
              {preview.columns.map((c, i) => (
                <th key={i} scope="col" className={cn("px-3 py-1.5 text-left font-semibold whitespace-nowrap", numeric[i] && "text-right")}>
                  {c}
                  {types.get(c) ? <span className="ml-1.5 font-mono text-[10px] font-normal text-muted-foreground">{types.get(c)}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r} className="border-t border-border/60 odd:bg-muted/20">
                <td className="sticky left-0 bg-background px-2 py-1 text-right font-mono text-[11px] text-muted-foreground/70 tabular-nums">{r + 1}</td>
                {preview.columns.map((_, i) => (
                  <td key={i} className={cn("max-w-[24rem] truncate px-3 py-1 whitespace-nowrap", numeric[i] && "text-right font-mono tabular-nums")}>
                    {row[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Caption>
        {preview.format.toUpperCase()} · {preview.columns.length} {preview.columns.length === 1 ? "column" : "columns"} · first {preview.rows.length.toLocaleString("en-US")}{" "}
        {preview.rows.length === 1 ? "row" : "rows"}
        {preview.totalRows !== null ? ` of ${preview.totalRows.toLocaleString("en-US")}` : preview.truncated ? " (the file holds more)" : ""}
      </Caption>
    </figure>
  );
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^(nan|NaN|inf|-inf)$/;

function Caption({ children }: { children: ReactNode }) {
  return <figcaption className="text-xs text-muted-foreground">{children}</figcaption>;
}

function prettyJson(text: string, truncated: boolean): string {
  if (truncated) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

"use client";
// One display_data / execute_result: the richest mime type Benchtop renders, as JupyterLab picks.
import type { TJsonObject, TJsonValue, TMimeBundle } from "@/lib/ipynb/types";
import { renderLatex, renderMarkdown } from "../render-markdown";
import { SandboxedFrame } from "./sandboxed-frame";

const ORDER = ["text/html", "text/markdown", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "application/json", "text/latex", "text/plain"] as const;

export function preferredMime(data: TMimeBundle): string | null {
  return ORDER.find((mime) => data[mime] !== undefined) ?? null;
}

function text(value: TJsonValue | undefined): string {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

function imageSize(metadata: TJsonObject, mime: string): { width?: number; height?: number } {
  const own = metadata[mime];
  if (own && typeof own === "object" && !Array.isArray(own)) {
    const { width, height } = own as { width?: unknown; height?: unknown };
    return { width: typeof width === "number" ? width : undefined, height: typeof height === "number" ? height : undefined };
  }
  return {};
}

type Props = { data: TMimeBundle; metadata: TJsonObject; dark: boolean };

export function MimeOutput({ data, metadata, dark }: Props) {
  const mime = preferredMime(data);
  const value = mime ? data[mime] : undefined;
  switch (mime) {
    case "text/html":
      return <SandboxedFrame html={text(value)} dark={dark} title="HTML output" />;
    case "text/markdown":
      return <div className="nb-markdown py-1" dangerouslySetInnerHTML={{ __html: renderMarkdown(text(value)) }} />;
    case "image/svg+xml":
      // As an <img>, an SVG's scripts never run and it cannot reach the page: safer than a frame.
      // eslint-disable-next-line @next/next/no-img-element -- a data URL from the kernel, not an app asset
      return <img alt="SVG output" className="nb-image" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text(value))}`} />;
    case "image/png":
    case "image/jpeg":
    case "image/gif": {
      const size = imageSize(metadata, mime);
      // eslint-disable-next-line @next/next/no-img-element -- a data URL from the kernel, not an app asset
      return <img alt="Image output" className="nb-image" loading="lazy" decoding="async" width={size.width} height={size.height} src={`data:${mime};base64,${text(value).replace(/\s+/g, "")}`} />;
    }
    case "application/json":
      return <pre className="nb-text">{JSON.stringify(value, null, 2)}</pre>;
    case "text/latex":
      return <div className="nb-markdown py-1" data-testid="latex-output" dangerouslySetInnerHTML={{ __html: renderLatex(text(value)) }} />;
    case "text/plain":
      return <pre className="nb-text">{text(value)}</pre>;
    default:
      return <p className="text-xs text-muted-foreground">This output has no type Benchtop shows ({Object.keys(data).join(", ") || "no data"}).</p>;
  }
}

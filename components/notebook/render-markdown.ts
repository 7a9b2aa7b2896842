"use client";
// Markdown from a cell or a kernel, rendered with marked and sanitised with DOMPurify: no
// scripts, no event handlers, no iframes or forms. Attachments (attachment:name) become data URLs.
// Math ($...$, $$...$$) and text/latex outputs are typeset by KaTeX (render-math.ts), whose CSS
// and fonts this module brings along wherever Markdown is shown.
import "katex/dist/katex.min.css";
import DOMPurify from "dompurify";
import { Marked } from "marked";
import type { TMimeBundle } from "@/lib/ipynb/types";
import { latexOutputHtml, mathExtension } from "./render-math";

const markdown = new Marked({ gfm: true, breaks: false }, mathExtension);

let hooked = false;

function purifier() {
  if (!hooked) {
    // Links leave the app in a new tab, without telling the target where they came from.
    DOMPurify.addHook("afterSanitizeAttributes", (node) => {
      if (node.tagName === "A" && node.getAttribute("href")) {
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer nofollow");
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

function attachmentUrl(name: string, attachments: Record<string, TMimeBundle> | undefined): string | null {
  const bundle = attachments?.[name];
  if (!bundle) return null;
  for (const [mime, data] of Object.entries(bundle)) {
    if (typeof data === "string" && mime.startsWith("image/") && mime !== "image/svg+xml") return `data:${mime};base64,${data.replace(/\s+/g, "")}`;
  }
  return null;
}

const SANITIZE = {
  FORBID_TAGS: ["style", "iframe", "form", "input", "button", "textarea", "select", "object", "embed"],
  // KaTeX's MathML (for screen readers) keeps the formula's TeX source in an annotation.
  ADD_TAGS: ["semantics", "annotation"],
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|data:image\/(?:png|jpeg|gif|webp);|#|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

// Typesetting costs: a notebook re-renders a cell's Markdown when it scrolls near, so the last
// few hundred renderings are kept (attachments are per cell and not cached).
const rendered = new Map<string, string>();

export function renderMarkdown(source: string, attachments?: Record<string, TMimeBundle>): string {
  if (attachments) return render(source, attachments);
  let html = rendered.get(source);
  if (html === undefined) {
    html = render(source, undefined);
    if (rendered.size >= 300) rendered.delete(rendered.keys().next().value!);
    rendered.set(source, html);
  }
  return html;
}

/** A text/latex output, typeset. */
export function renderLatex(latex: string): string {
  return purifier().sanitize(latexOutputHtml(latex), SANITIZE);
}

function render(source: string, attachments: Record<string, TMimeBundle> | undefined): string {
  const html = markdown.parse(source, { async: false });
  const withAttachments = attachments
    ? html.replace(/(<img[^>]*\ssrc=")attachment:([^"]+)"/g, (whole, start: string, name: string) => {
        const url = attachmentUrl(decodeURIComponent(name), attachments);
        return url ? `${start}${url}"` : whole;
      })
    : html;
  return purifier().sanitize(withAttachments, SANITIZE);
}

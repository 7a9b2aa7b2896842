"use client";
// Markdown from a cell or a kernel, rendered with marked and sanitised with DOMPurify: no
// scripts, no event handlers, no iframes or forms. Attachments (attachment:name) become data URLs.
import DOMPurify from "dompurify";
import { marked } from "marked";
import type { TMimeBundle } from "@/lib/ipynb/types";

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

export function renderMarkdown(source: string, attachments?: Record<string, TMimeBundle>): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false });
  const withAttachments = attachments
    ? html.replace(/(<img[^>]*\ssrc=")attachment:([^"]+)"/g, (whole, start: string, name: string) => {
        const url = attachmentUrl(decodeURIComponent(name), attachments);
        return url ? `${start}${url}"` : whole;
      })
    : html;
  return purifier().sanitize(withAttachments, {
    FORBID_TAGS: ["style", "iframe", "form", "input", "button", "textarea", "select", "object", "embed"],
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|data:image\/(?:png|jpeg|gif|webp);|#|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  });
}

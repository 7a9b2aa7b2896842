"use client";
// HTML (and anything else a kernel may script) from a kernel is untrusted. It renders in an
// iframe with sandbox="allow-scripts" and no allow-same-origin: an opaque origin, so its scripts
// run (plots, widgets) but cannot read the app's cookies or storage, touch parent.document, or
// call the API with the person's session. The frame is /frames/output, whose own CSP refuses
// every network request (a srcdoc frame would inherit the page's CSP, which runs no inline
// script without the page's nonce); it asks for its document by postMessage, and reports its
// height the same way. The parent believes only messages from that frame's window.
import { useEffect, useMemo, useRef, useState } from "react";

const STYLE = `
:root { color-scheme: light dark; }
html, body { margin: 0; padding: 0; background: transparent; }
body { font: 13px/1.45 ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); overflow: auto; }
body.light { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --stripe: #f6f8fa; --hover: #eaf2ff; }
body.dark { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --stripe: #151b23; --hover: #1f2a3a; }
table { border: none; border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; margin: 2px 0; }
th, td { padding: 4px 10px; text-align: right; border: none; white-space: nowrap; }
thead th { border-bottom: 1px solid var(--line); font-weight: 600; }
tbody tr:nth-child(odd) { background: var(--stripe); }
tbody tr:hover { background: var(--hover); }
tbody th { font-weight: 600; }
.dataframe caption, p { color: var(--muted); }
`;

const REPORTER = `
(function () {
  var last = -1;
  function report() {
    var h = Math.ceil(Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0));
    if (h !== last) { last = h; parent.postMessage({ benchtopFrame: true, height: h }, "*"); }
  }
  new ResizeObserver(report).observe(document.documentElement);
  addEventListener("load", report);
  report();
})();
`;

export function frameDocument(html: string, dark: boolean): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body class="${dark ? "dark" : "light"}">${html}<script>${REPORTER}</script></body></html>`;
}

/** A short tag of a document, so a changed output gets a fresh frame (one document per frame). */
function tagOf(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return `${text.length}-${(h >>> 0).toString(36)}`;
}

type Props = { html: string; dark: boolean; title: string; maxHeight?: number };

export function SandboxedFrame({ html, dark, title, maxHeight = 2000 }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(24);
  const doc = useMemo(() => frameDocument(html, dark), [html, dark]);

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      const target = frame.current?.contentWindow;
      if (!target || event.source !== target) return;
      const data = event.data as { benchtopFrame?: boolean; ready?: unknown; height?: unknown } | null;
      if (!data?.benchtopFrame) return;
      // The frame's origin is opaque ("null"), so "*" is the only target that reaches it.
      if (data.ready === true) target.postMessage({ benchtopOutput: { document: doc } }, "*");
      else if (typeof data.height === "number" && Number.isFinite(data.height)) setHeight(Math.min(Math.max(data.height, 16), maxHeight));
    }
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [doc, maxHeight]);

  return (
    <iframe
      key={tagOf(doc)}
      ref={frame}
      title={title}
      sandbox="allow-scripts"
      src="/frames/output"
      referrerPolicy="no-referrer"
      loading="lazy"
      className="block w-full border-0 bg-transparent"
      style={{ height }}
      data-testid="output-frame"
    />
  );
}

"use client";
// HTML (and anything else a kernel may script) from a kernel is untrusted. It renders in an
// iframe with sandbox="allow-scripts" and no allow-same-origin: an opaque origin, so its scripts
// run (plots, widgets) but cannot read the app's cookies or storage, touch parent.document, or
// call the API with the person's session; the CSP also refuses every network request. The frame
// reports its height by postMessage; the parent believes only messages from that frame's window.
import { useEffect, useRef, useState } from "react";

const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "media-src data: blob:",
].join("; ");

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
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><style>${STYLE}</style></head><body class="${dark ? "dark" : "light"}">${html}<script>${REPORTER}</script></body></html>`;
}

type Props = { html: string; dark: boolean; title: string; maxHeight?: number };

export function SandboxedFrame({ html, dark, title, maxHeight = 2000 }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(24);

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (event.source !== frame.current?.contentWindow) return;
      const data = event.data as { benchtopFrame?: boolean; height?: unknown } | null;
      if (data?.benchtopFrame && typeof data.height === "number" && Number.isFinite(data.height)) setHeight(Math.min(Math.max(data.height, 16), maxHeight));
    }
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [maxHeight]);

  return (
    <iframe
      ref={frame}
      title={title}
      sandbox="allow-scripts"
      srcDoc={frameDocument(html, dark)}
      referrerPolicy="no-referrer"
      loading="lazy"
      className="block w-full border-0 bg-transparent"
      style={{ height }}
      data-testid="output-frame"
    />
  );
}

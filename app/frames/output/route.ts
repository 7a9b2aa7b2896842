// The notebook's HTML output frame (components/notebook/outputs/sandboxed-frame.tsx). A srcdoc
// frame would inherit the page's policy, under which an output's inline scripts (plots, widgets)
// cannot run; this document has a policy of its own (OUTPUT_FRAME_POLICY: scripts yes, network
// no, sandboxed to an opaque origin) and receives the output by postMessage from its parent.
import { OUTPUT_FRAME_POLICY } from "@/server/http/security-headers";

const SHELL = `<!doctype html><html><head><meta charset="utf-8"><title>Output</title></head><body><script>
(function () {
  function receive(event) {
    var data = event.data && event.data.benchtopOutput;
    if (event.source !== parent || !data || typeof data.document !== "string") return;
    removeEventListener("message", receive);
    document.open();
    document.write(data.document);
    document.close();
  }
  addEventListener("message", receive);
  parent.postMessage({ benchtopFrame: true, ready: true }, "*");
})();
</script></body></html>`;

export function GET() {
  return new Response(SHELL, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": OUTPUT_FRAME_POLICY,
      "cache-control": "private, max-age=3600",
    },
  });
}

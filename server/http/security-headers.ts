// The security headers of every answer. Pure (no env), so the custom server in scripts/start.ts,
// proxy.ts and the tests build them the same way.
//
// Pages get a Content-Security-Policy with a fresh nonce per request: Next puts it on its own
// scripts (it reads the nonce from the policy proxy.ts sets on the request), next-themes on its
// inline script (app/layout.tsx passes it), and 'strict-dynamic' lets those scripts load the rest
// (Next's chunks, Monaco's AMD loader and its modules from /monaco). Nothing else runs inline.
// Styles keep 'unsafe-inline': Radix, recharts and Monaco set style attributes and inject
// <style> elements, and a style cannot run script; what a style could fetch (url()) is held to
// Benchtop's own origin by img-src and font-src. Images are self, data: and blob: only, so
// Markdown in a notebook cannot load (or report to) an outside address.

export type PagePolicyOptions = {
  nonce: string;
  /** Next's dev server: React rebuilds server errors' stacks with eval. */
  dev?: boolean;
  /** Origins the browser talks to besides Benchtop (S3 data stores for uploads and previews). */
  connect?: string[];
  /** Origins a form may post to besides Benchtop (the sign-in providers' authorization pages). */
  formTargets?: string[];
  /** BENCHTOP_URL is https: fetch nothing over http. */
  https?: boolean;
};

const list = (origins: string[] | undefined) => (origins?.length ? ` ${origins.join(" ")}` : "");

export function pagePolicy(o: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${list(o.connect)}`,
    "media-src 'self' data: blob:",
    // Monaco's language workers are module workers from /monaco (blob: where Trusted Types wrap them).
    "worker-src 'self' blob:",
    // The notebook's HTML outputs, served by /frames/output with a policy of their own.
    "frame-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${list(o.formTargets)}`,
    "frame-ancestors 'self'",
    ...(o.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API answers are data, never documents to run or frame. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The policy of the notebook's HTML output frame (/frames/output): its scripts run (plots,
 * widgets) but it may fetch nothing, and `sandbox` keeps it an opaque origin even when the URL
 * is opened on its own, so it never reaches the app's cookies, storage or API.
 */
export const OUTPUT_FRAME_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "media-src data: blob:",
  "frame-ancestors 'self'",
  "sandbox allow-scripts",
].join("; ");

// Powerful features no Benchtop page uses, off for every page and anything it frames.
const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** The headers every answer carries, whatever made it (Next, a route, the front door). */
export function responseSecurityHeaders(baseUrl: string): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "SAMEORIGIN",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    // Only over https: a browser ignores it on http, and it would pin a demo's localhost to https.
    ...(baseUrl.startsWith("https:") ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

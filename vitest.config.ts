import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup-env.ts"],
    pool: "forks",
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
    // letting Vite resolve it is what Next's own bundler does.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests share one embedded PostgreSQL; each makes its own data, so files may run in parallel.
    fileParallelism: true,
  },
});

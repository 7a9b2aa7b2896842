// Prisma CLI configuration. The JS schema engine (`engine: "js"`) lets `prisma generate` and
// `prisma migrate diff` run offline: the native schema engine is a download this project avoids.
// Migrations are applied by Benchtop itself at start (server/db/migrate.ts), never by `migrate deploy`.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.PRISMA_DIFF_DATABASE_URL ?? "postgresql://localhost/unused" }),
});

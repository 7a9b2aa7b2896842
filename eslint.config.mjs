import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", ".benchtop/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "e2e/.artifacts/**", "packages/cli/dist/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // The server reads its environment once, in server/env.ts (STYLE.md).
    files: ["server/**", "app/**"],
    ignores: ["server/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Import `env` from server/env.ts instead." }],
    },
  },
  {
    // The browser's code may know the server's types, never its code: a runtime import from
    // server/ would bundle server modules (and what they read) into the page. Shared pure code
    // lives in lib/ or contract/.
    files: ["components/**", "app/error.tsx", "app/global-error.tsx", "app/(app)/error.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "**/server/*", "**/server"],
              allowTypeImports: true,
              message: "components/ imports only types from server/ (import type { ... }); move shared code to lib/.",
            },
          ],
        },
      ],
    },
  },
]);

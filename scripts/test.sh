#!/usr/bin/env bash
# `npm test`: every test, on real parts. Installs what it needs, never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results

section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

section "system packages"
bash scripts/system-deps.sh

section "production build (for the e2e tests; Next also typechecks here)"
export BENCHTOP_DIST_DIR=.next-e2e NEXT_TELEMETRY_DISABLED=1
npx next build

section "typecheck"
npx tsc --noEmit

section "lint"
npx eslint --max-warnings 0 .

section "migrations match the schema"
npx tsx scripts/check-migrations.ts

section "unit and integration tests (embedded PostgreSQL)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

section "end-to-end tests (production build, Chromium)"
npx playwright test

node scripts/test-summary.mjs test-results/vitest.json test-results/playwright.json

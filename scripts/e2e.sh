#!/usr/bin/env bash
# Builds Benchtop into its own folder (a running demo's .next is left alone) and runs Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCHTOP_DIST_DIR=.next-e2e NEXT_TELEMETRY_DISABLED=1
npx next build
npx playwright test "$@"

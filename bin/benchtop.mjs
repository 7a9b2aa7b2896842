#!/usr/bin/env node
// The `benchtop` command of the app's checkout: the CLI package's plain-JavaScript build
// (packages/cli/dist/benchtop.js), rebuilt first when a source is newer. A GPU server needs only
// that build (see README, "Install just the CLI").
import { BUNDLE, ensureBuilt } from "../packages/cli/build.mjs";

await ensureBuilt();
await import(BUNDLE);

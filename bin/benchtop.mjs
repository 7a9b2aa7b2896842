#!/usr/bin/env node
// The `benchtop` CLI. Its source is TypeScript (cli/), run through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");

// What differs between the CLI run from its source (tsx and Vitest, in the repo) and the built
// package (packages/cli/dist/benchtop.js, Node alone): packages/cli/build.mjs sets these two names
// with esbuild's `define`; from the source they are undefined and the repo's own files are used.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

declare const BENCHTOP_CLI_VERSION: string | undefined;
/** Relative to the bundle: where the build copied agent-files/python. */
declare const BENCHTOP_AGENT_FILES: string | undefined;

const here = path.dirname(fileURLToPath(import.meta.url));

export const CLI_VERSION: string =
  typeof BENCHTOP_CLI_VERSION === "string" ? BENCHTOP_CLI_VERSION : (createRequire(import.meta.url)("../package.json") as { version: string }).version;

/** Where benchtop_metrics.py and benchtop_notebook.py live; first on every job's PYTHONPATH. */
export const AGENT_PYTHON_DIR: string = path.resolve(here, typeof BENCHTOP_AGENT_FILES === "string" ? BENCHTOP_AGENT_FILES : "../agent-files/python");

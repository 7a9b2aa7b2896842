// Builds the benchtop CLI (cli/, and what it imports from lib/ and the agent protocol) into one
// plain-JavaScript file, dist/benchtop.js, with every dependency inside and agent-files/python
// beside it: a GPU server runs `benchtop agent` with Node alone (no tsx, no Next, no npm install).
//
//   node packages/cli/build.mjs          build
//   ensureBuilt()                        build only when a source is newer than the bundle
//                                        (bin/benchtop.mjs and the test setup call it)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const dist = path.join(here, "dist");
export const BUNDLE = path.join(dist, "benchtop.js");
const META = path.join(dist, "inputs.json");
const PYTHON = path.join(repo, "agent-files/python");
/** Besides the bundle's own inputs, these make it stale. */
const ALSO = [fileURLToPath(import.meta.url), path.join(here, "package.json")];

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** Whether dist/benchtop.js is missing or older than any file it was built from. */
export function isStale() {
  const built = fs.existsSync(BUNDLE) ? mtime(BUNDLE) : -Infinity;
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(META, "utf8"));
  } catch {
    return true;
  }
  const pythonFiles = fs.existsSync(PYTHON) ? fs.readdirSync(PYTHON).map((f) => path.join(PYTHON, f)) : [];
  return [...inputs.map((f) => path.join(repo, f)), ...ALSO, ...pythonFiles].some((f) => mtime(f) > built);
}

export async function build() {
  const { build: esbuild } = await import("esbuild");
  const { version } = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8"));
  // Built beside and renamed in, so a CLI started meanwhile never reads half a file.
  const tmp = path.join(dist, `.build-${process.pid}`);
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const result = await esbuild({
      entryPoints: [path.join(repo, "cli/main.ts")],
      outfile: path.join(tmp, "benchtop.js"),
      absWorkingDir: repo,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // Dependencies written as CommonJS (commander, ignore) call require(); ESM has none of its own.
      banner: { js: "#!/usr/bin/env node\nimport { createRequire as __benchtopRequire } from 'node:module';\nconst require = __benchtopRequire(import.meta.url);" },
      define: { BENCHTOP_CLI_VERSION: JSON.stringify(version), BENCHTOP_AGENT_FILES: JSON.stringify("./agent-files/python") },
      alias: { "@": repo },
      metafile: true,
      legalComments: "none",
      logLevel: "warning",
    });
    fs.writeFileSync(path.join(tmp, "inputs.json"), JSON.stringify(Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/")).sort(), null, 1));
    fs.chmodSync(path.join(tmp, "benchtop.js"), 0o755);
    // Copied over in place (the same bytes when two builds race): a running agent keeps its files.
    fs.cpSync(PYTHON, path.join(dist, "agent-files/python"), { recursive: true, force: true });
    fs.renameSync(path.join(tmp, "inputs.json"), META);
    fs.renameSync(path.join(tmp, "benchtop.js"), BUNDLE);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function ensureBuilt() {
  if (isStale()) await build();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
  process.stdout.write(`built ${path.relative(process.cwd(), BUNDLE)}\n`);
}

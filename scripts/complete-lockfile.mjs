// Makes package-lock.json acceptable to `npm ci` on machines whose registry mirror carries only
// some platforms' builds of native packages. npm leaves those other platforms' optional packages
// out of the lock (it cannot resolve them), and `npm ci` then refuses the lock as out of sync
// ("Missing: @next/swc-darwin-arm64@ from lock file"; npm/cli#4828, #8805). For each such package
// this adds its entry when the registry has it, and otherwise drops it from its parent's
// optionalDependencies in the lock (it could never be installed from this registry anyway).
// Run after `npm install` changes package-lock.json: `node scripts/complete-lockfile.mjs`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const file = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
let added = 0;
let dropped = 0;
for (let pass = 0; pass < 3; pass++) {
  const missing = new Map();
  for (const [where, entry] of Object.entries(lock.packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      const base = where ? `${where}/node_modules/${name}` : `node_modules/${name}`;
      if (lock.packages[base] || lock.packages[`node_modules/${name}`]) continue;
      const known = missing.get(`node_modules/${name}`);
      if (known) known.parents.push(where);
      else missing.set(`node_modules/${name}`, { name, spec, parents: [where] });
    }
  }
  if (missing.size === 0) break;
  for (const [key, { name, spec, parents }] of missing) {
    let out;
    try {
      out = execFileSync("npm", ["view", `${name}@${spec}`, "version", "dist.integrity", "os", "cpu", "libc", "engines", "license", "--json"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch {
      for (const parent of parents) delete lock.packages[parent].optionalDependencies[name];
      dropped++;
      continue;
    }
    let info = JSON.parse(out);
    if (Array.isArray(info)) info = info[info.length - 1];
    const entry = { version: info.version, integrity: info["dist.integrity"], optional: true };
    if (info.license) entry.license = info.license;
    for (const k of ["cpu", "os", "libc"]) if (info[k]) entry[k] = [].concat(info[k]);
    if (info.engines) entry.engines = info.engines;
    lock.packages[key] = entry;
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lockfile: added ${added} entries, dropped ${dropped} optional packages this registry does not have.`);

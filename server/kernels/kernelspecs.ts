// Installed kernels, found as Jupyter finds them: a `kernels/<name>/kernel.json` under each data
// directory (JUPYTER_PATH first, then the user's, then the system's). The first of a name wins.
// https://jupyter-client.readthedocs.io/en/stable/kernels.html#kernel-specs
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { env } from "../env";
import { AppError } from "../errors";
import type { TKernelSpec } from "./events";

const ZKernelJson = z.object({
  argv: z.array(z.string()).min(1),
  display_name: z.string().default(""),
  language: z.string().default(""),
  interrupt_mode: z.enum(["signal", "message"]).default("signal"),
  env: z.record(z.string(), z.string()).default({}),
});

export type KernelSpec = TKernelSpec & {
  argv: string[];
  interruptMode: "signal" | "message";
  /** Variables the kernelspec itself asks for (added to the kernel's environment built from nothing). */
  env: Record<string, string>;
  resourceDir: string;
};

export function kernelSpecDirs(): string[] {
  const fromEnv = (env.JUPYTER_PATH ?? "").split(path.delimiter).filter(Boolean);
  const home = os.homedir();
  return [
    ...fromEnv.map((d) => path.join(d, "kernels")),
    path.join(home, ".local/share/jupyter/kernels"),
    "/usr/local/share/jupyter/kernels",
    "/usr/share/jupyter/kernels",
  ];
}

/** Every installed kernel, by name. A kernel.json that cannot be read is skipped. */
export function findKernelSpecs(): KernelSpec[] {
  const found = new Map<string, KernelSpec>();
  for (const dir of kernelSpecDirs()) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (found.has(name)) continue;
      const resourceDir = path.join(dir, name);
      try {
        const json = ZKernelJson.parse(JSON.parse(fs.readFileSync(path.join(resourceDir, "kernel.json"), "utf8")));
        found.set(name, {
          name,
          displayName: json.display_name || name,
          language: json.language.toLowerCase(),
          argv: json.argv,
          interruptMode: json.interrupt_mode,
          env: json.env,
          resourceDir,
        });
      } catch {
        continue;
      }
    }
  }
  return [...found.values()];
}

export function findKernelSpec(name: string): KernelSpec {
  const specs = findKernelSpecs();
  const spec = specs.find((s) => s.name === name);
  if (!spec) {
    const known = specs.map((s) => s.name).join(", ") || "none";
    throw new AppError("BAD_REQUEST", `There is no kernel named "${name}" on this server (installed: ${known}).`, { kernelName: [`"${name}" is not installed`] });
  }
  return spec;
}

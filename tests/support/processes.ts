import { spawn } from "node:child_process";

/**
 * A process run to its end without blocking this one: tests that serve the APIs in process must
 * not use spawnSync for a client of those APIs (the server could not answer it).
 */
export function run(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string | undefined> }) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

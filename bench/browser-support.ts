// What the browser benches share: a production Benchtop in demo mode on a free port with a data
// folder of its own, Debian's Chromium, and a page signed in as the demo researcher.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";

/** `--name N` from the command line, or the fallback. */
export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: { exited: boolean; log: string }): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`the server exited:\n${server.log.slice(-3000)}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not answer /api/health within 15 minutes");
}

export type DemoServer = { url: string; home: string; stop: () => Promise<void> };

/**
 * `scripts/start.ts` in demo mode, built into .next-bench when the sources are newer than its
 * build (start.ts decides). `--reuse-build` serves the existing build anyway (on a shared checkout
 * the sources are always newer): it dates the build now, never later, so a later run without the
 * flag still rebuilds. `beforeStart` may fill the data folder first.
 */
export async function startDemoServer(label: string, beforeStart?: (home: string) => Promise<void>): Promise<DemoServer> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), `benchtop-bench-${label}-`));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  await beforeStart?.(home);
  const distDir = process.env.BENCHTOP_DIST_DIR ?? ".next-bench";
  if (process.argv.includes("--reuse-build")) {
    const now = new Date();
    await fs.utimes(path.join(distDir, "BUILD_ID"), now, now).catch(() => console.log(`no build in ${distDir} yet; building one`));
  }
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    BENCHTOP_MODE: "demo",
    BENCHTOP_HOME: home,
    BENCHTOP_DIST_DIR: distDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    BENCHTOP_URL: url,
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const server = { exited: false, log: "" };
  child.stdout.on("data", (d: Buffer) => {
    server.log += d;
    for (const line of d.toString().split("\n")) if (line.startsWith("•")) console.log(`  server: ${line.slice(2)}`);
  });
  child.stderr.on("data", (d: Buffer) => (server.log += d));
  child.on("exit", () => (server.exited = true));
  const kill = () => {
    if (!server.exited) process.kill(-child.pid!, "SIGTERM");
  };
  process.on("SIGINT", () => (kill(), process.exit(130)));
  const stop = async () => {
    kill();
    await new Promise((r) => setTimeout(r, 1500));
    await fs.rm(home, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    await waitForHealth(url, server);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, home, stop };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A page of `context` signed in as Ana Souza with the demo's one-click sign-in. */
export async function signInAsAna(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("list", { name: "Demo people" }).getByRole("button", { name: /Ana Souza/ }).click();
  await page.waitForURL(/\/$/);
  return page;
}

// `npm start` / `npm run demo` / `npm run dev`: checks the environment, starts the embedded
// PostgreSQL when no DATABASE_URL is given (and starts it again if it dies), applies migrations, seeds the demo lab (demo mode),
// builds when the production build is missing or older than the sources, and serves Benchtop.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { EnvError, parseEnv, withoutSecrets, type Env } from "../server/env-schema";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
if (args.has("--demo")) process.env.BENCHTOP_MODE ??= "demo";
if (dev) process.env.BENCHTOP_MODE ??= "development";
// A production build serves the demo; NODE_ENV follows the build, not the mode.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

const tty = Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env);
const paint = (code: string, text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const step = (message: string) => console.log(`${paint("2", "•")} ${message}`);

function fail(message: string): never {
  console.error(`${paint("31", "Benchtop cannot start:")} ${message}`);
  process.exit(1);
}

let env: Env;
try {
  env = parseEnv(process.env);
} catch (e) {
  if (e instanceof EnvError) fail(e.message);
  throw e;
}

await fs.mkdir(env.home, { recursive: true });
// Auth.js builds its links and redirects from AUTH_URL; without it, from the Host it was reached
// at, which for a server bound to 0.0.0.0 can be that address. Links must use BENCHTOP_URL.
process.env.AUTH_URL = env.baseUrl;

// Secrets generated once per data folder when not given (never in production).
if (!env.AUTH_SECRET) {
  const file = path.join(env.home, "auth-secret");
  let secret = await fs.readFile(file, "utf8").then((s) => s.trim(), () => "");
  if (!secret) {
    secret = randomBytes(32).toString("base64url");
    await fs.writeFile(file, secret + "\n", { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret;
}

let stopDatabase: () => Promise<void> = async () => undefined;
let stopping = false;
let agentProcess: ChildProcess | null = null;
if (!env.DATABASE_URL) {
  step(`Starting the embedded PostgreSQL (data in ${shown(path.join(env.home, "postgres"))})`);
  const { startEmbeddedPostgres } = await import("../server/db/embedded");
  try {
    // Supervised: started again, with its crash recovery, when its process dies; each restart is a line here.
    const embedded = await startEmbeddedPostgres({ home: env.home, supervise: { report: (line) => console.log(`${paint("33", "!")} ${line}`) } });
    process.env.DATABASE_URL = embedded.url;
    stopDatabase = embedded.stop;
  } catch (e) {
    fail(`the embedded PostgreSQL did not start (${(e as Error).message}). Set DATABASE_URL to use another server.`);
  }
}

const { applyMigrations } = await import("../server/db/migrate");
try {
  const applied = await applyMigrations(process.env.DATABASE_URL!);
  step(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date");
} catch (e) {
  await stopDatabase();
  fail((e as Error).message.replace(/postgres(ql)?:\/\/\S+/g, "[DATABASE_URL]"));
}

let demoToken: string | null = null;
let localAgentTokenFile: string | null = null;
if (env.BENCHTOP_MODE === "demo") {
  const { seedDemoLab, ensureDemoToken, ensureLocalAgent } = await import("../server/seed/demo-lab");
  if (await seedDemoLab()) step("Seeded the demo lab: Helen (director), Ana and Ben (researchers), Chen (external)");
  demoToken = await ensureDemoToken(path.join(env.home, "demo-token"));
  localAgentTokenFile = path.join(env.home, "agent-token");
  await ensureLocalAgent(localAgentTokenFile);
  await fs.writeFile(path.join(env.home, "demo-url"), env.baseUrl + "\n");
}

if (!dev) await ensureProductionBuild();

const { default: next } = await import("next");
const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();
const { frontDoorRefusal } = await import("../server/http/front-door");
const { API_POLICY, responseSecurityHeaders } = await import("../server/http/security-headers");
const { log } = await import("../server/log");
const securityHeaders = Object.entries(responseSecurityHeaders(env.baseUrl));
// In front of Next: every answer carries the security headers (Next's, the routes', static files';
// pages get their Content-Security-Policy from proxy.ts, which needs Next to carry its nonce),
// and what Next would answer with a bare 500 (odd methods, malformed percent-encoding) gets the
// JSON error here, logged.
const server = http.createServer(async (req, res) => {
  for (const [name, value] of securityHeaders) res.setHeader(name, value);
  // The socket's own peer, for the per-client sign-in limit (server/auth/client-address.ts):
  // set here, over anything the client sent under that name.
  req.headers["x-benchtop-peer-address"] = req.socket.remoteAddress ?? "";
  // API answers are data: no policy of their own means the strictest (a route may set its own).
  if (req.url?.startsWith("/api/")) res.setHeader("content-security-policy", API_POLICY);
  const refusal = frontDoorRefusal(req.method ?? "GET", req.url ?? "/");
  if (!refusal) return void handle(req, res);
  log.warn({ method: req.method, path: (req.url ?? "").split("?")[0], status: refusal.status }, "refused before routing");
  res.writeHead(refusal.status, Object.fromEntries(refusal.headers));
  res.end(req.method === "HEAD" ? undefined : Buffer.from(await refusal.arrayBuffer()));
});
server.on("error", async (e: NodeJS.ErrnoException) => {
  await stopDatabase();
  fail(e.code === "EADDRINUSE" ? `port ${env.PORT} is in use; set PORT to another one.` : e.message);
});
server.listen(env.PORT, env.HOST, () => {
  printBanner();
  if (localAgentTokenFile) void startLocalAgent(localAgentTokenFile);
});

// The queue's supervisor (sweeps and scheduler passes) runs in this process; with several app
// instances an advisory lock makes exactly one of them the supervisor.
const { startSupervisor } = await import("../server/queue/supervisor");
const supervisor = startSupervisor();

/**
 * The demo's local agent, a process of its own as on a real GPU server. On a machine without
 * GPUs it offers 4 simulated GPUs, so every path of the demo works anywhere. It gets the isolation
 * a lab's agent gets (each job sandboxed, as nobody when this runs as root) wherever this machine
 * allows it; where it does not (no working bubblewrap), it runs jobs with --no-isolation, and one
 * line says so and why. Its token goes by file (mode 0600), never on the command line.
 */
async function startLocalAgent(tokenFile: string) {
  const { planIsolation, probeSandbox } = await import("../cli/agent/isolation");
  const { AGENT_PYTHON_DIR } = await import("../cli/agent/job-env");
  const os = await import("node:os");
  const hasNvidiaSmi = spawnSync("nvidia-smi", ["-L"], { stdio: "ignore" }).status === 0;
  const args = ["bin/benchtop.mjs", "agent", "--server", `http://127.0.0.1:${env.PORT}`, "--token-file", tokenFile, "--name", "local", "--address", "127.0.0.1", "--work-dir", path.join(env.home, "agent")];
  if (!hasNvidiaSmi) args.push("--simulate-gpus", "4", "--gpu-type", "demo-gpu", "--cpu-slots", "2");
  // The job user passes through BENCHTOP_HOME to the agent's runs (never lists it), as the kernels' user does.
  if (process.getuid?.() === 0) await fs.chmod(env.home, 0o711);
  const refusal = probeSandbox(planIsolation({}, { uid: process.getuid?.() ?? 0, user: os.userInfo().username }), { runsDir: env.home, pythonDir: AGENT_PYTHON_DIR });
  if (refusal) {
    args.push("--no-isolation");
    console.log(`${paint("33", "!")} The local agent runs jobs without isolation (--no-isolation): ${refusal.replace(/^Jobs cannot be isolated: /, "").replace(/, or pass --no-isolation.*$/, ".")}`);
  }
  step(hasNvidiaSmi ? "Starting the local agent on this machine's GPUs" : "Starting the local agent with 4 simulated GPUs (no nvidia-smi here)");
  agentProcess = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env: withoutSecrets(process.env) });
  agentProcess.on("exit", (code) => {
    if (!stopping) console.error(`The local agent stopped (exit ${code}); jobs will wait until an agent is back.`);
  });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    step("Stopping Benchtop");
    agentProcess?.kill("SIGTERM");
    // Notebook kernels are processes of their own; none outlives the server.
    await (await import("../server/kernels/registry")).shutdownAllKernels().catch(() => undefined);
    await supervisor.stop();
    server.close();
    await app.close?.();
    await stopDatabase();
    process.exit(0);
  });
}

/** A path as the person at this terminal would type it. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") ? rel : p;
}

function printBanner() {
  const bold = (s: string) => paint("1", s);
  const lines = [``, `${bold("Benchtop")} is running at ${bold(env.baseUrl)}  (${env.BENCHTOP_MODE} mode)`];
  if (env.BENCHTOP_MODE === "demo") {
    lines.push(
      ``,
      `Sign in: open ${env.baseUrl}/signin and pick a demo person (Ana Souza owns the "demo" project),`,
      `         or ask for an email link; it appears at ${env.baseUrl}/dev/mailbox and in this log.`,
      ``,
      `API token for Ana Souza (also in ${shown(path.join(env.home, "demo-token"))}):`,
      `  ${demoToken}`,
      ``,
      `Try:  npx benchtop whoami`,
      `      npx benchtop submit --project demo --gpus 1 -- python3 train.py`,
      `      curl -H "Authorization: Bearer $(cat ${shown(path.join(env.home, "demo-token"))})" ${env.baseUrl}/api/v1/projects`,
    );
  } else if (env.BENCHTOP_MODE === "development") {
    lines.push(``, `Sign-in links go to ${env.baseUrl}/dev/mailbox and to this log (no SMTP_URL).`);
  }
  lines.push(``, `Stop with Ctrl+C.`, ``);
  console.log(lines.join("\n"));
}

async function newestSourceMtime(): Promise<number> {
  let newest = 0;
  const roots = ["app", "components", "lib", "server", "public", "next.config.ts", "package.json", "postcss.config.mjs"];
  async function walk(p: string) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of await fs.readdir(p)) await walk(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  for (const r of roots) await walk(r);
  return newest;
}

async function ensureProductionBuild() {
  const buildId = await fs.stat(path.join(process.env.BENCHTOP_DIST_DIR || ".next", "BUILD_ID")).catch(() => null);
  if (buildId && buildId.mtimeMs >= (await newestSourceMtime())) return;
  step(buildId ? "Sources changed since the last build; rebuilding (about a minute)" : "Building Benchtop for the first time (about a minute)");
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "", AUTH_SECRET: "" },
    });
    let output = "";
    const onData = (d: Buffer) => {
      output += d.toString();
      for (const line of d.toString().split("\n")) if (/^\s*(✓|Creating|Compiled|Collecting|Generating|Finalizing)/.test(line)) step(line.trim());
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed:\n${output.slice(-4000)}`))));
  }).catch(async (e) => {
    await stopDatabase();
    fail((e as Error).message);
  });
  step(`Built in ${Math.round((Date.now() - started) / 1000)} s`);
}

// The agent's settings, from its flags and (once, here) its environment, checked before anything
// starts so a bad value stops it with a sentence naming the flag.
//
// The token never travels on a command line: every process on the machine can read another's
// /proc/<pid>/cmdline. It comes from a file only the agent's user can read (--token-file, refused
// otherwise, as ssh refuses a private key others can read), from stdin (--token-stdin, as
// `gh auth login --with-token`), or from BENCHTOP_AGENT_TOKEN (a process's environment is
// readable by its own user and root only, and an isolated job is neither: another uid, or its
// own PID namespace where the agent does not exist).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { planIsolation, IsolationError, type Isolation } from "./isolation";
import type { HostBasics } from "./job-env";

export type AgentFlags = {
  server?: string;
  /** Refused: see the top of this file. */
  token?: string;
  tokenFile?: string;
  tokenStdin?: boolean;
  jobUser?: string;
  /** Commander's name for --no-isolation: false when it was given. */
  isolation?: boolean;
  jobBind?: string[];
  name?: string;
  workDir?: string;
  address?: string;
  gpus?: string;
  simulateGpus?: string;
  gpuType?: string;
  cpuSlots?: string;
  once?: boolean;
  datasetCacheGb?: string;
};

export type AgentSettings = {
  server: string;
  token: string;
  name: string | null;
  workDir: string;
  address: string;
  /** Offer only these nvidia-smi indices (a machine with two GPU models runs one agent per model). */
  onlyGpus: number[] | null;
  simulate: { count: number; model: string } | null;
  cpuSlots: number | null;
  once: boolean;
  /** The dataset cache's size cap (least recently used files go first); null = no cap. */
  datasetCacheBytes: number | null;
  hostname: string;
  host: HostBasics;
  isolation: Isolation;
};

const int = (flag: string, max: number) =>
  z.coerce
    .number({ error: `${flag} must be a whole number` })
    .int(`${flag} must be a whole number`)
    .min(0, `${flag} must be 0 or more`)
    .max(max, `${flag} must be at most ${max}`);

/** The first non-internal IPv4 address: how other nodes of a multi-node job reach this one. */
export function defaultAddress(interfaces = os.networkInterfaces()): string {
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) if (entry.family === "IPv4" && !entry.internal) return entry.address;
  }
  return "127.0.0.1";
}

const datasetCacheGb = z.coerce
  .number({ error: "--dataset-cache-gb must be a number of gigabytes" })
  .positive("--dataset-cache-gb must be more than 0")
  .max(1_000_000, "--dataset-cache-gb must be at most 1000000");

export class AgentSettingsError extends Error {
  override name = "AgentSettingsError";
}

/** The token from --token-file, refusing a file other users can read. */
export function readTokenFile(file: string, uid = process.getuid?.() ?? 0): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new AgentSettingsError(`--token-file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  if (!stat.isFile()) throw new AgentSettingsError(`--token-file ${file} is not a file.`);
  if ((stat.mode & 0o077) !== 0) {
    throw new AgentSettingsError(
      `Permissions ${(stat.mode & 0o777).toString(8).padStart(4, "0")} for ${file} are too open: the agent token must be readable by its owner only; run chmod 600 ${file}.`,
    );
  }
  if (stat.uid !== uid && stat.uid !== 0) throw new AgentSettingsError(`--token-file ${file} belongs to another user (uid ${stat.uid}); the agent's own user or root must own it.`);
  return fs.readFileSync(file, "utf8").trim();
}

export function resolveAgentSettings(flags: AgentFlags, env: NodeJS.ProcessEnv = process.env, stdinToken?: string): AgentSettings {
  if (flags.token !== undefined) {
    throw new AgentSettingsError(
      "--token puts the agent token on the command line, where every process on this machine can read it (/proc/PID/cmdline); " +
        "store it in a file only you can read and pass --token-file FILE, or pipe it to --token-stdin, or set BENCHTOP_AGENT_TOKEN.",
    );
  }
  if ([flags.tokenFile !== undefined, flags.tokenStdin === true].filter(Boolean).length > 1) {
    throw new AgentSettingsError("Pass the agent token one way: --token-file or --token-stdin.");
  }
  const token = flags.tokenFile !== undefined ? readTokenFile(flags.tokenFile) : flags.tokenStdin ? stdinToken?.trim() : env.BENCHTOP_AGENT_TOKEN;
  if (!flags.server) throw new AgentSettingsError("--server is required: the Benchtop URL this agent works for (http://benchtop.lab:3000).");
  let server: URL;
  try {
    server = new URL(flags.server);
    if (server.protocol !== "http:" && server.protocol !== "https:") throw new Error();
  } catch {
    throw new AgentSettingsError(`--server "${flags.server}" is not an http(s) URL.`);
  }
  if (!token) {
    throw new AgentSettingsError(
      flags.tokenStdin
        ? "--token-stdin read no token: pipe it in (benchtop agent --token-stdin < FILE)."
        : "No agent token: pass --token-file FILE (a file only you can read), --token-stdin, or set BENCHTOP_AGENT_TOKEN (an admin creates the agent and gets its token once).",
    );
  }
  const check = <T>(schema: z.ZodType<T>, value: unknown): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new AgentSettingsError(parsed.error.issues[0]!.message);
    return parsed.data;
  };
  const count = flags.simulateGpus === undefined ? 0 : check(int("--simulate-gpus", 64), flags.simulateGpus);
  if (flags.gpus !== undefined && count > 0) throw new AgentSettingsError("--gpus picks real GPUs; it cannot be used with --simulate-gpus.");
  const onlyGpus =
    flags.gpus === undefined
      ? null
      : flags.gpus
          .split(",")
          .filter((s) => s.trim() !== "")
          .map((s) => check(int("each index in --gpus", 63), s.trim()));
  const home = env.HOME || os.homedir();
  const user = (() => {
    try {
      return os.userInfo().username;
    } catch {
      return env.USER ?? "benchtop";
    }
  })();
  const uid = process.getuid?.() ?? 0;
  let isolation: Isolation;
  try {
    isolation = planIsolation({ jobUser: flags.jobUser, noIsolation: flags.isolation === false, jobBind: flags.jobBind }, { uid, user });
  } catch (e) {
    if (e instanceof IsolationError) throw new AgentSettingsError(e.message);
    throw e;
  }
  // As root the job user must pass through the work dir to its runs, and root's home is closed.
  const defaultWorkDir = uid === 0 ? "/var/lib/benchtop-agent" : path.join(home, ".benchtop-agent");
  return {
    server: server.toString().replace(/\/+$/, ""),
    token,
    name: flags.name ?? null,
    workDir: path.resolve(flags.workDir ?? env.BENCHTOP_AGENT_DIR ?? defaultWorkDir),
    address: flags.address ?? defaultAddress(),
    onlyGpus,
    simulate: count > 0 ? { count, model: flags.gpuType ?? "demo-gpu" } : null,
    cpuSlots: flags.cpuSlots === undefined ? null : check(int("--cpu-slots", 1024), flags.cpuSlots),
    once: flags.once ?? false,
    datasetCacheBytes: flags.datasetCacheGb === undefined ? null : Math.round(check(datasetCacheGb, flags.datasetCacheGb) * 1e9),
    hostname: os.hostname(),
    host: { PATH: env.PATH ?? "/usr/local/bin:/usr/bin:/bin", HOME: home, LANG: env.LANG ?? "C.UTF-8", USER: user },
    isolation,
  };
}

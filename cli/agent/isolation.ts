// How this agent isolates its jobs, decided once at start (README, "Security model", "Jobs and agents"):
//
//   as root:     each job as an unprivileged job user (--job-user, default nobody), in a sandbox
//   not root:    each job in a sandbox as the agent's own user ("sandbox, no separate user"): the
//                PID and mount namespaces still hide the agent's processes and files from it
//   --no-isolation: jobs as the agent's user, no sandbox; they can read all the agent can (its
//                token included), and every page showing the agent says so
//
// When isolation was asked for (the default) and cannot be had, the agent refuses to start with
// one sentence naming the problem and the fix; it never falls back to running jobs unisolated.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { asUser, extraBinds, type JobUser, namespaceArgs, SANDBOX_PATHS, systemArgs } from "./sandbox";

export type Isolation =
  /** user: the job user, or null when jobs run as the agent's own user (an agent not running as root). */
  | { sandbox: true; user: JobUser | null; agentUser: string; binds: string[] }
  | { sandbox: false; user: null; agentUser: string; binds: [] };

/** What the agent reports at registration, shown on the agents page and by `benchtop agents`. */
export type IsolationReport = { sandbox: boolean; jobUser: string; separateUser: boolean };

export function isolationReport(iso: Isolation): IsolationReport {
  return { sandbox: iso.sandbox, jobUser: iso.user?.name ?? iso.agentUser, separateUser: iso.user !== null };
}

export class IsolationError extends Error {
  override name = "IsolationError";
}

/** A user of this machine by name (or number), from /etc/passwd. */
export function lookupUser(nameOrUid: string, passwd = "/etc/passwd"): JobUser | null {
  let text: string;
  try {
    text = fs.readFileSync(passwd, "utf8");
  } catch {
    return null;
  }
  for (const line of text.split("\n")) {
    const [name, , uid, gid] = line.split(":");
    if (name && uid && gid && (name === nameOrUid || uid === nameOrUid)) return { name, uid: Number(uid), gid: Number(gid) };
  }
  return null;
}

export type IsolationFlags = { jobUser?: string; noIsolation?: boolean; jobBind?: string[] };

/** The isolation the flags ask for, for an agent running as `who`; a sentence when they cannot go together. */
export function planIsolation(flags: IsolationFlags, who: { uid: number; user: string }, passwd?: string): Isolation {
  const binds = (flags.jobBind ?? []).map((b) => b.replace(/\/+$/, "") || "/");
  for (const bind of binds) {
    if (!bind.startsWith("/")) throw new IsolationError(`--job-bind takes an absolute path, not "${bind}".`);
    if (bind === "/" || Object.values(SANDBOX_PATHS).some((p) => p === bind || p.startsWith(bind + "/") || bind.startsWith(p + "/"))) {
      throw new IsolationError(`--job-bind ${bind} would cover the sandbox's own folders; name a folder such as /share/conda.`);
    }
  }
  if (flags.noIsolation) {
    if (flags.jobUser) throw new IsolationError("--no-isolation runs jobs as the agent's own user, so it cannot go with --job-user.");
    if (binds.length) throw new IsolationError("--job-bind adds a folder to the sandbox, and --no-isolation has none; drop one of them.");
    return { sandbox: false, user: null, agentUser: who.user, binds: [] };
  }
  if (who.uid !== 0) {
    if (flags.jobUser) {
      throw new IsolationError(
        `--job-user needs the agent to run as root (it switches to that user for each job); as ${who.user}, jobs run sandboxed as ${who.user}, so drop --job-user or start the agent as root.`,
      );
    }
    return { sandbox: true, user: null, agentUser: who.user, binds };
  }
  const name = flags.jobUser ?? "nobody";
  const user = lookupUser(name, passwd);
  if (!user) {
    throw new IsolationError(
      `The job user "${name}" does not exist on this machine: create it (useradd --system --no-create-home ${name}), pass --job-user with an existing unprivileged user, or pass --no-isolation.`,
    );
  }
  if (user.uid === 0) throw new IsolationError(`--job-user ${name} is root; jobs need an unprivileged user (nobody, or one made for them with useradd --system).`);
  return { sandbox: true, user, agentUser: who.user, binds };
}

const noIsolationHint = (iso: Isolation) => `or pass --no-isolation to run jobs as ${iso.agentUser} without a sandbox`;

/**
 * Starts one empty sandbox as a job's would be (the same user, namespaces and read-only binds,
 * the network cut too, since a pool may ask for that) with `runsDir` bound, so the job user's
 * way to the run folders is tested as well. Null when it works; else the sentence to stop with.
 */
export function probeSandbox(iso: Isolation, dirs: { runsDir: string; pythonDir: string }): string | null {
  if (!iso.sandbox) return null;
  const env = { PATH: process.env.PATH || "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" } as unknown as NodeJS.ProcessEnv;
  const version = spawnSync("bwrap", ["--version"], { env, encoding: "utf8", timeout: 10_000 });
  if (version.error) {
    return `Jobs cannot be isolated: bubblewrap is not installed here; install it (apt-get install bubblewrap), ${noIsolationHint(iso)}.`;
  }
  if (iso.user && spawnSync("setpriv", ["--version"], { env, timeout: 10_000 }).error) {
    return `Jobs cannot be isolated: setpriv (util-linux) is not installed here; install it (apt-get install util-linux), ${noIsolationHint(iso)}.`;
  }
  for (const dir of [dirs.runsDir, dirs.pythonDir, ...iso.binds]) {
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return `Jobs cannot be isolated: ${dir} is not a folder on this machine.`;
  }
  // The runs folder where a job's tree goes, and every namespace a job gets.
  const command = [
    ...asUser(iso.user), "bwrap", ...systemArgs(), "--proc", "/proc", "--dev", "/dev",
    "--ro-bind", dirs.runsDir, SANDBOX_PATHS.job, "--ro-bind", dirs.pythonDir, SANDBOX_PATHS.python, ...extraBinds(iso.binds),
    "--remount-ro", "/", ...namespaceArgs(false), "--", "/bin/true",
  ];
  const result = spawnSync(command[0]!, command.slice(1), { env, encoding: "utf8", timeout: 20_000, cwd: "/" });
  if (result.status === 0) return null;
  const why = (result.error?.message ?? result.stderr.trim().split("\n").at(-1)) || `exit ${result.status}`;
  const unreachable = /Can't find source path (.*): Permission denied/.exec(why);
  if (unreachable && iso.user) {
    return (
      `Jobs cannot be isolated: the job user ${iso.user.name} cannot reach ${unreachable[1]} (a folder on the way is closed to other users); ` +
      `pass --work-dir under a folder others may pass through (such as /var/lib/benchtop-agent), or make the folders on the way searchable (chmod o+x), ${noIsolationHint(iso)}.`
    );
  }
  return (
    `Jobs cannot be isolated: bubblewrap cannot create the sandbox here (${why}); allow unprivileged user namespaces ` +
    `(sysctl kernel.unprivileged_userns_clone=1, or on Ubuntu kernel.apparmor_restrict_unprivileged_userns=0), ${noIsolationHint(iso)}.`
  );
}

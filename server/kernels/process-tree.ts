// Signals for a kernel's processes. The launcher chain (setpriv, prlimit exec in place; bwrap
// stays as the sandbox's parent) leads the process group; bwrap dies of a SIGINT and takes the
// sandbox with it, so an interrupt goes to the kernel's own processes only: every descendant of
// the launcher that is not bwrap.
import fs from "node:fs";

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses; read after the last ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(Number(name));
    if (ppid !== null) children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const c of children.get(queue.shift()!) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** SIGINT to the kernel's processes (not the launcher or bwrap). */
export function interruptKernelProcesses(launcherPid: number): number {
  const targets = [launcherPid, ...descendantsOf(launcherPid)].filter((pid) => !["bwrap", "setpriv", "prlimit"].includes(commandOf(pid)));
  for (const pid of targets) {
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // Gone meanwhile.
    }
  }
  return targets.length;
}

/** A signal to the whole process group the launcher leads. */
export function signalGroup(launcherPid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-launcherPid, signal);
  } catch {
    // Already gone.
  }
}

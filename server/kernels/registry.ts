// The server's kernels: one per open notebook per person, started on demand, at most
// BENCHTOP_KERNELS_PER_USER per person, shut down after BENCHTOP_KERNEL_IDLE_SECONDS without an
// execution, and all shut down with the server. Kept on globalThis: Next's bundle and the start
// script (which shuts them down) load this module separately in one process.
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { log } from "../log";
import { projectAccess, type ProjectArgs } from "../projects/access";
import type { TKernelSpec, TKernelView, TStartKernelInput } from "./events";
import { ZStartKernelInput } from "./events";
import { Kernel } from "./kernel";
import { findKernelSpec, findKernelSpecs } from "./kernelspecs";
import { removeKernelRuntimeDir } from "./runtime-dir";

type Registry = { kernels: Map<string, Kernel>; starting: Map<string, Promise<Kernel>>; sweeper: NodeJS.Timeout | null };
const holder = globalThis as unknown as { benchtopKernels?: Registry };
const registry = (holder.benchtopKernels ??= { kernels: new Map(), starting: new Map(), sweeper: null });

export function listKernelSpecs(): TKernelSpec[] {
  return findKernelSpecs().map(({ name, displayName, language }) => ({ name, displayName, language }));
}

const notebookKey = (userId: string, projectId: string, notebookPath: string) => `${userId}\0${projectId}\0${notebookPath}`;

function kernelsOf(userId: string): Kernel[] {
  return [...registry.kernels.values()].filter((k) => k.owner.userId === userId);
}

/**
 * The caller's kernel for a notebook: the one already running (a dead one is restarted), or a
 * new one. Editors and owners only: a kernel runs code.
 */
export async function startKernel(args: ProjectArgs & TStartKernelInput): Promise<TKernelView> {
  const input = ZStartKernelInput.parse(args);
  const { project } = await projectAccess({ ...args, projectSlug: input.projectSlug }, "editor", "write");
  const spec = findKernelSpec(input.kernelName);
  const key = notebookKey(args.actorId, project.id, input.notebookPath);

  const pending = registry.starting.get(key);
  if (pending) return (await pending).view();

  const existing = kernelsOf(args.actorId).find((k) => notebookKey(k.owner.userId, k.owner.projectId, k.owner.notebookPath) === key);
  if (existing && existing.spec.name === spec.name) {
    if (!existing.alive) await existing.restart("Restarted because the notebook asked for its kernel again.");
    return existing.view();
  }
  if (existing) await stopKernel(existing, `Replaced by a ${spec.displayName} kernel.`);

  const running = kernelsOf(args.actorId).filter((k) => k.alive);
  if (running.length >= env.BENCHTOP_KERNELS_PER_USER) {
    const names = running.map((k) => `${k.owner.notebookPath} (${k.owner.projectSlug})`).join(", ");
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `You already have ${running.length} kernels running, the most one person may have (BENCHTOP_KERNELS_PER_USER=${env.BENCHTOP_KERNELS_PER_USER}). Shut one down first: ${names}.`,
    );
  }

  const kernel = new Kernel(spec, { userId: args.actorId, projectId: project.id, projectSlug: project.slug, notebookPath: input.notebookPath });
  registry.kernels.set(kernel.id, kernel);
  ensureSweeper();
  const started = kernel.start().then(
    () => kernel,
    (e) => {
      registry.kernels.delete(kernel.id);
      throw e;
    },
  );
  registry.starting.set(key, started);
  try {
    return (await started).view();
  } finally {
    registry.starting.delete(key);
  }
}

/** The caller's kernel; anyone else's is NOT_FOUND, as if it did not exist. */
export function ownedKernel(args: { actorId: string; kernelId: string }): Kernel {
  const kernel = registry.kernels.get(args.kernelId);
  if (!kernel || kernel.owner.userId !== args.actorId) throw new AppError("NOT_FOUND", "That kernel was not found; it may have been shut down.");
  return kernel;
}

export function myKernels(args: { actorId: string }): TKernelView[] {
  return kernelsOf(args.actorId).map((k) => k.view());
}

async function stopKernel(kernel: Kernel, reason?: string) {
  await kernel.shutdown(reason);
  registry.kernels.delete(kernel.id);
}

export async function shutdownKernel(args: { actorId: string; kernelId: string }): Promise<void> {
  await stopKernel(ownedKernel(args), "Shut down on request.");
}

/** Kernels whose owner's editor role was confirmed lately, and when. */
const confirmed = new WeakMap<Kernel, number>();
const ROLE_CHECK_MS = 5_000;

/**
 * A person's access to the project may have ended since the kernel started: checked on use, at
 * most every 5 s per kernel (a cell's round trip should not wait for the database each time).
 */
export async function requireKernelAccess(args: { actorId: string; kernelId: string }): Promise<Kernel> {
  const kernel = ownedKernel(args);
  if (Date.now() - (confirmed.get(kernel) ?? 0) < ROLE_CHECK_MS) return kernel;
  const member = await db.member.findFirst({ where: { userId: args.actorId, projectId: kernel.owner.projectId }, select: { role: true } });
  if (!member || member.role === "viewer") {
    await stopKernel(kernel, "Shut down: you no longer have the editor role in this project.");
    throw new AppError("NOT_FOUND", "That kernel was not found; it may have been shut down.");
  }
  confirmed.set(kernel, Date.now());
  return kernel;
}

// ---- idle shutdown ----

function ensureSweeper() {
  if (registry.sweeper) return;
  const idleMs = env.BENCHTOP_KERNEL_IDLE_SECONDS * 1000;
  const every = Math.min(30_000, Math.max(250, Math.floor(idleMs / 4)));
  registry.sweeper = setInterval(() => void sweepIdleKernels(), every);
  registry.sweeper.unref();
}

/** Shuts down kernels that ran nothing for BENCHTOP_KERNEL_IDLE_SECONDS (a running cell is never idle). */
export async function sweepIdleKernels(now = Date.now()): Promise<number> {
  const idleMs = env.BENCHTOP_KERNEL_IDLE_SECONDS * 1000;
  const idle = [...registry.kernels.values()].filter((k) => k.running === 0 && k.state !== "starting" && k.state !== "restarting" && now - k.lastActivityAt.getTime() >= idleMs);
  for (const kernel of idle) {
    const minutes = env.BENCHTOP_KERNEL_IDLE_SECONDS >= 120 ? `${Math.round(env.BENCHTOP_KERNEL_IDLE_SECONDS / 60)} minutes` : `${env.BENCHTOP_KERNEL_IDLE_SECONDS} seconds`;
    const reason = kernel.alive
      ? `Shut down after ${minutes} without running anything (BENCHTOP_KERNEL_IDLE_SECONDS); its variables are gone. Run a cell to start a new kernel.`
      : "Removed: it had stopped and was not restarted.";
    await stopKernel(kernel, reason).catch((e) => log.warn({ err: e, kernelId: kernel.id }, "idle kernel did not shut down cleanly"));
  }
  return idle.length;
}

/** Every kernel, at server stop. */
export async function shutdownAllKernels(reason = "The server is stopping."): Promise<void> {
  if (registry.sweeper) clearInterval(registry.sweeper);
  registry.sweeper = null;
  await Promise.all([...registry.kernels.values()].map((k) => stopKernel(k, reason).catch(() => undefined)));
  await removeKernelRuntimeDir();
}

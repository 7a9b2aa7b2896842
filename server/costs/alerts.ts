// Budget alerts and the 100 % policies, checked by the queue supervisor's leader every 30 s
// (server/queue/supervisor.ts). Each crossed threshold fires once per period: the BudgetAlert row's
// unique key (budget, periodStart, threshold) decides, and only the process whose INSERT wrote it
// tells people (a Notice each, and mail), so replays and two app processes never tell twice.
// Thresholds crossed in one step are told once, for the highest.
// At 100 % a hold or stop budget also holds its project's queued jobs (every project's, for the
// lab) and a stop budget cancels their running ones (SIGTERM and their grace, through the agents).
import { randomUUID } from "node:crypto";
import { db, Prisma } from "../db/client";
import { env, usesDevMailbox } from "../env";
import { log } from "../log";
import { sendMail } from "../mail/send-mail";
import { requestCancel } from "../queue/cancel-job";
import { currentSpend, overBudgetWords, periodWords, scopeWords } from "./budgets";
import { formatMoney, labCurrency, money } from "./money";

export type BudgetCheck = { fired: number; held: number; stopped: number; released: number };

/** Thresholds a budget acts on: its own, and 100 when its policy holds or stops. */
function thresholdsOf(b: { thresholds: number[]; policy: string }): number[] {
  return [...new Set([...b.thresholds, ...(b.policy === "warn" ? [] : [100])])].sort((x, y) => x - y);
}

export async function checkBudgets(at: Date = new Date()): Promise<BudgetCheck> {
  const budgets = await db.budget.findMany({
    select: { id: true, projectId: true, amount: true, startsAt: true, endsAt: true, thresholds: true, policy: true, project: { select: { slug: true } } },
  });
  const result: BudgetCheck = { fired: 0, held: 0, stopped: 0, released: 0 };
  if (!budgets.length) return result;
  const currency = await labCurrency();
  // Scopes over a hold/stop budget now: what holds stay; the others' "has spent" holds are released below.
  let labOver = false;
  const projectsOver: string[] = [];
  const live = await currentSpend(budgets, at);
  // Thresholds already told this period are skipped without a write (the INSERT's conflict is still what decides).
  const told = new Set(
    (await db.budgetAlert.findMany({ where: { OR: live.map((b) => ({ budgetId: b.id, periodStart: b.start })) }, select: { budgetId: true, threshold: true } })).map(
      (a) => `${a.budgetId}|${a.threshold}`,
    ),
  );
  for (const b of live) {
    const amount = new Prisma.Decimal(b.amount);
    if (amount.isZero() && b.spent.isZero()) continue;
    const percent = amount.isZero() ? 100 : b.spent.div(amount).times(100).floor().toNumber();
    const crossed = thresholdsOf(b).filter((t) => !told.has(`${b.id}|${t}`) && (amount.isZero() || b.spent.times(100).gte(amount.times(t))));
    const view = { projectSlug: b.project?.slug ?? null, spent: b.spent, amount, endsAt: b.endsAt, start: b.start };
    const text = `${capitalised(scopeWords(view.projectSlug))} has spent ${formatMoney(money(b.spent, currency))} (${percent} %) of its ${formatMoney(money(amount, currency))} ${periodWords(b, b)}`;
    if (crossed.length && (await fire({ budgetId: b.id, projectId: b.projectId, periodStart: b.start, thresholds: crossed, spent: b.spent, text, href: view.projectSlug ? `/projects/${view.projectSlug}/settings` : "/costs" }))) {
      result.fired++;
    }
    if (b.policy !== "warn" && b.spent.gte(amount)) {
      if (b.projectId) projectsOver.push(b.projectId);
      else labOver = true;
      const reason = overBudgetWords(view, currency);
      const { held, stopped } = await enforce(b.projectId, reason, b.policy === "stop");
      result.held += held;
      result.stopped += stopped;
    }
  }
  if (!labOver) {
    const projects = budgets.flatMap((b) => (b.projectId && !projectsOver.includes(b.projectId) ? [b.projectId] : []));
    result.released = await releaseSpentHolds({ projects, lab: budgets.some((b) => !b.projectId), projectsOver });
  }
  return result;
}

/**
 * A budget raised, set to warn, or in a new period no longer holds: jobs held because their scope
 * "has spent" it (the sentences enforce and admission write) go back to the queue, unless another
 * hold/stop budget of theirs is still spent. Only scopes that have a budget are released (a hold
 * set by hand elsewhere is left alone); worst-case holds stay until someone approves them.
 */
async function releaseSpentHolds(scope: { projects: string[]; lab: boolean; projectsOver: string[] }): Promise<number> {
  const { count } = await db.job.updateMany({
    where: {
      state: "queued",
      heldReason: { contains: " has spent " },
      OR: [
        { projectId: { in: scope.projects }, heldReason: { startsWith: "held: project " } },
        ...(scope.lab ? [{ projectId: { notIn: scope.projectsOver }, heldReason: { startsWith: "held: the lab " } }] : []),
      ],
    },
    data: { heldReason: null, heldAt: null },
  });
  if (count) log.info({ jobs: count }, "budget: released jobs held by a budget no longer spent");
  return count;
}

const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/**
 * Writes each crossed threshold's alert once; the writer (only) tells the project's owners and the
 * lab's directors/admins. Thresholds crossed together (spend that jumped from 40 to 85 % between two
 * checks) are one notice and one mail, for the highest: two identical sentences would tell nothing more.
 */
async function fire(a: { budgetId: string; projectId: string | null; periodStart: Date; thresholds: number[]; spent: Prisma.Decimal; text: string; href: string }): Promise<boolean> {
  const told = await db.$transaction(async (tx) => {
    const inserted: number[] = [];
    for (const threshold of a.thresholds) {
      const rows = await tx.$queryRaw<{ threshold: number }[]>`
        INSERT INTO "BudgetAlert" (id, "budgetId", "periodStart", threshold, spent)
        VALUES (${randomUUID()}, ${a.budgetId}, ${a.periodStart}, ${threshold}, ${a.spent})
        ON CONFLICT ("budgetId", "periodStart", threshold) DO NOTHING RETURNING threshold`;
      inserted.push(...rows.map((r) => r.threshold));
    }
    if (!inserted.length) return null;
    const people = await tx.user.findMany({
      where: { OR: [{ labRole: { in: ["director", "admin"] } }, ...(a.projectId ? [{ memberships: { some: { projectId: a.projectId, role: "owner" as const } } }] : [])] },
      select: { id: true, email: true },
    });
    await tx.notice.createMany({ data: people.map((p) => ({ userId: p.id, kind: "budget.threshold", text: a.text, href: a.href })) });
    return { people, threshold: Math.max(...inserted) };
  });
  if (!told) return false;
  if (env.SMTP_URL || usesDevMailbox) {
    const link = `${env.baseUrl}${a.href}`;
    for (const p of told.people) {
      await sendMail({ to: p.email, subject: `Budget: ${told.threshold} % reached`, text: `${a.text}.\n\n${link}\n`, link }).catch((e: unknown) =>
        log.error({ err: { message: (e as Error).message }, to: p.email }, "budget alert: mail could not be sent"),
      );
    }
  }
  return true;
}

/** Holds the scope's queued, unapproved jobs; with `stop`, cancels its running ones too (not those an owner or director approved). */
async function enforce(projectId: string | null, reason: string, stop: boolean): Promise<{ held: number; stopped: number }> {
  const scope = projectId ? { projectId } : {};
  const held = await db.job.updateMany({
    where: { ...scope, state: "queued", heldReason: null, approvedAt: null, cancelRequestedAt: null },
    data: { heldReason: `held: ${reason}`, heldAt: new Date() },
  });
  if (!stop) return { held: held.count, stopped: 0 };
  const running = await db.job.findMany({
    where: { ...scope, state: { in: ["starting", "running"] }, approvedAt: null, cancelRequestedAt: null },
    select: { id: true, name: true, projectId: true },
  });
  for (const job of running) await requestCancel(job, { actorId: null, reason: `stopped: ${reason}` });
  if (running.length) log.info({ jobs: running.map((j) => j.id), reason }, "budget: stopped running jobs");
  return { held: held.count, stopped: running.length };
}

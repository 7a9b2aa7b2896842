// The lab's cost settings: its one currency (ISO 4217). It may change only while the ledger holds
// no real charges (seeded demo history does not count: it is made up, and is shown in the new
// currency); after that every amount in the ledger, the rates and budgets would silently change meaning.
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { isDirector } from "../users/users";
import { labCurrency } from "./money";

export type CostSettings = {
  currency: string;
  /** Whether the currency may still change (no real charges yet). */
  currencyEditable: boolean;
  canSet: boolean;
};

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

async function hasRealCharges(): Promise<boolean> {
  const rows = await db.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "LedgerEntry" WHERE NOT seeded) AS any`;
  return rows[0]?.any ?? false;
}

async function roleOf(actorId: string) {
  const u = await db.user.findUnique({ where: { id: actorId }, select: { labRole: true } });
  if (!u) throw new AppError("UNAUTHORIZED", "Sign in to see the lab's cost settings.");
  return u.labRole;
}

export async function getCostSettings(args: { actorId: string }): Promise<CostSettings> {
  const role = await roleOf(args.actorId);
  return { currency: await labCurrency(), currencyEditable: !(await hasRealCharges()), canSet: isDirector(role) };
}

export async function setCostSettings(args: { actorId: string; currency: string }): Promise<CostSettings> {
  if (!isDirector(await roleOf(args.actorId))) throw new AppError("FORBIDDEN", "Only directors and admins set the lab's currency.");
  const currency = args.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency)) {
    throw new AppError("BAD_REQUEST", `"${args.currency}" is not an ISO 4217 currency code; write one like USD, EUR or JPY.`, { currency: ["is not an ISO 4217 code"] });
  }
  await db.$transaction(async (tx) => {
    // Serialise with other settings changes; the meter's inserts are what the check below reads.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lab-settings'))`;
    const current = (await tx.labSettings.findUnique({ where: { id: 1 }, select: { currency: true } }))?.currency ?? "USD";
    if (current === currency) return;
    const real = await tx.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "LedgerEntry" WHERE NOT seeded) AS any`;
    if (real[0]?.any) {
      throw new AppError("CONFLICT", `The ledger already holds charges in ${current}, so the lab's currency stays ${current}; it can change only before the first job is charged.`, { currency: [`stays ${current} once the ledger holds charges`] });
    }
    await tx.labSettings.upsert({ where: { id: 1 }, create: { id: 1, currency }, update: { currency } });
    await recordAuditEvent(tx, { actorId: args.actorId, action: "settings.costs_updated", target: "currency", data: { from: current, to: currency } });
  });
  return getCostSettings({ actorId: args.actorId });
}

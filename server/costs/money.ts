// Money in Benchtop: exact decimals (PostgreSQL numeric, Prisma.Decimal), never floats; one
// currency per lab (LabSettings). Every amount leaves the server as { amount, currency } with the
// amount a decimal string rounded to the currency's minor unit ("4.20"), so JSON never turns it into a
// float; sums are taken before rounding, so totals and their parts come from the same numbers.
import type { Money } from "../../lib/format-money";
import { db, Prisma } from "../db/client";

export { formatMoney, type Money } from "../../lib/format-money";

/** The lab's currency (ISO 4217), "USD" until an admin sets another. */
export async function labCurrency(): Promise<string> {
  const row = await db.labSettings.findUnique({ where: { id: 1 }, select: { currency: true } });
  return row?.currency ?? "USD";
}

/** Digits after the point in the currency's minor unit (2 for USD and EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An exact amount (a ledger sum, a rate x hours) as the API gives it: rounded half-up to the minor unit. */
export function money(amount: Prisma.Decimal.Value, currency: string): Money {
  return { amount: new Prisma.Decimal(amount).toDecimalPlaces(minorDigits(currency), Prisma.Decimal.ROUND_HALF_UP).toFixed(minorDigits(currency)), currency };
}

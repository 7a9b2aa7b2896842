import type { RouterOutputs } from "@/components/trpc/router-types";

export type TRateList = RouterOutputs["rates"]["list"];
export type TRate = TRateList["current"][number];
export type RateKind = TRate["kind"];

export const KIND_LABEL: Record<RateKind, string> = { owned: "Owned", on_demand: "On-demand", spot: "Spot" };

/** An hourly rate as people read it, keeping its 4 decimals where it has them ("$0.9132", "$1.20"). */
export function formatHourly(amount: string, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(amount as `${number}`);
}

/** "GPU-hour" or "slot-hour". */
export const unitOf = (gpuType: string | null) => (gpuType ? "GPU-hour" : "CPU-slot-hour");

/** The key of one priced thing: a pool and a GPU type (or its CPU slot). */
export const targetKey = (r: { pool: string; gpuType: string | null }) => `${r.pool}\u0000${r.gpuType ?? ""}`;

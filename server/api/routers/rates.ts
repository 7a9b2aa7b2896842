import { z } from "zod";
import { listRates, setRate } from "../../costs/rates";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZKind = z.enum(["owned", "on_demand", "spot"]).meta({ description: "owned: the lab's own hardware (amortised); on_demand and spot: cloud prices" });

export const ZRate = z.object({
  id: z.string(),
  pool: z.string(),
  gpuType: z.string().nullable().meta({ description: "The GPU model; null for the pool's CPU slot" }),
  kind: ZKind,
  hourly: z.string().meta({ description: "Per GPU (or CPU slot) and hour, exact to 4 decimals, in `currency`", example: "0.9132" }),
  currency: z.string().meta({ description: "ISO 4217", example: "USD" }),
  effectiveFrom: z.date(),
  source: z.string(),
  amortisation: z
    .object({ purchasePrice: z.string(), years: z.string(), hoursPerYear: z.string(), utilisation: z.string() })
    .nullable()
    .meta({ description: "For owned hardware: the calculator's inputs, per GPU; hourly = purchasePrice / (years x hoursPerYear x utilisation / 100)" }),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

const ZRateList = z.object({
  currency: z.string(),
  current: z.array(ZRate).meta({ description: "The rate in force now for each pool and GPU type (and CPU slot)" }),
  history: z.array(ZRate).meta({ description: "Every rate ever set (append-only), newest first within each pool and GPU type" }),
  pools: z.array(z.object({ name: z.string(), gpuTypes: z.array(z.string()), cpuSlots: z.boolean() })),
  canSet: z.boolean().meta({ description: "Whether the caller may set rates (directors, admins)" }),
});

export const ZRateInput = z.object({
  pool: z.string().min(1).meta({ description: "The pool's name", example: "lab" }),
  gpuType: z.string().nullable().meta({ description: "The GPU model as agents report it; null for the pool's CPU slot", example: "demo-gpu" }),
  kind: ZKind.optional(),
  hourly: z.string().nullish().meta({ description: "Price per GPU (or CPU slot) and hour; or give amortisation", example: "1.20" }),
  amortisation: z
    .object({
      purchasePrice: z.string().min(1).meta({ description: "Purchase price of ONE GPU (a server's price divided by its GPUs)", example: "32000" }),
      years: z.string().min(1).meta({ description: "Years of life", example: "4" }),
      hoursPerYear: z.string().optional().meta({ description: "Hours a year it is counted over; 8760 by default", example: "8760" }),
      utilisation: z.string().optional().meta({ description: "Percent of those hours in use; 100 by default", example: "100" }),
    })
    .nullish(),
  source: z.string().optional().meta({ description: "Where the price comes from, in words", example: "Invoice 2026-118, 8x H100 server / 8" }),
  effectiveFrom: z.string().nullish().meta({ description: "YYYY-MM-DD or an ISO time; now by default. Never before a minute already charged.", example: "2026-12-05" }),
});

export const ratesRouter = createTRPCRouter({
  list: authedProcedure
    .meta({ rest: { method: "GET", path: "/rates", tag: "Costs", summary: "The rates in force per pool and GPU type (and CPU slot), and their full history" } })
    .output(ZRateList)
    .query(({ ctx }) => listRates({ actorId: ctx.actor.id })),

  set: authedProcedure
    .meta({ rest: { method: "POST", path: "/rates", tag: "Costs", summary: "Add a rate from a date on (directors, admins); history is never rewritten", body: ZRateInput } })
    .input(ZRateInput)
    .output(z.object({ rate: ZRate }))
    .mutation(async ({ ctx, input }) => ({ rate: await setRate({ actorId: ctx.actor.id, ...input }) })),
});

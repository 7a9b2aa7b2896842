import { z } from "zod";
import { getCostSettings, setCostSettings } from "../../costs/settings";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZCostSettings = z.object({
  currency: z.string().meta({ description: "The lab's one currency, ISO 4217", example: "USD" }),
  currencyEditable: z.boolean().meta({ description: "Whether it may still change: only while the ledger holds no real (non-seeded) charges" }),
  canSet: z.boolean().meta({ description: "Whether the caller may change it (directors, admins)" }),
});
const ZCostSettingsInput = z.object({ currency: z.string().min(1).meta({ description: "ISO 4217 code", example: "EUR" }) });

export const settingsRouter = createTRPCRouter({
  costs: authedProcedure
    .meta({ rest: { method: "GET", path: "/settings/costs", tag: "Costs", summary: "The lab's currency, and whether it may still change" } })
    .output(ZCostSettings)
    .query(({ ctx }) => getCostSettings({ actorId: ctx.actor.id })),

  setCosts: authedProcedure
    .meta({ rest: { method: "PUT", path: "/settings/costs", tag: "Costs", summary: "Set the lab's currency (directors, admins), before the ledger holds any real charge", body: ZCostSettingsInput } })
    .input(ZCostSettingsInput)
    .output(ZCostSettings)
    .mutation(({ ctx, input }) => setCostSettings({ actorId: ctx.actor.id, currency: input.currency })),
});

import { z } from "zod";
import { getDashboard, ZDashboard } from "../../dashboard/get-dashboard";
import { ZUser } from "../../users/users";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const meRouter = createTRPCRouter({
  /** Who is asking; authenticatedBy says whether by an API token or a browser session. */
  whoami: authedProcedure
    .meta({ rest: { method: "GET", path: "/me", tag: "Account", summary: "Who the token or session belongs to" } })
    .output(ZUser.extend({ authenticatedBy: z.enum(["token", "session"]) }))
    .query(({ ctx }) => {
      const { via, ...user } = ctx.actor;
      return { ...user, authenticatedBy: via };
    }),
  dashboard: authedProcedure
    .meta({ rest: { method: "GET", path: "/dashboard", tag: "Account", summary: "What you land on: your projects, and what changed lately in them" } })
    .output(ZDashboard)
    .query(({ ctx }) => getDashboard({ actorId: ctx.actor.id })),
});

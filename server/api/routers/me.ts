import { getDashboard, ZDashboard } from "../../dashboard/get-dashboard";
import { ZUser } from "../../users/users";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const meRouter = createTRPCRouter({
  whoami: authedProcedure.output(ZUser).query(({ ctx }) => {
    const { via: _via, ...user } = ctx.actor;
    return user;
  }),
  dashboard: authedProcedure.output(ZDashboard).query(({ ctx }) => getDashboard({ actorId: ctx.actor.id })),
});

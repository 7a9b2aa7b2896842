import { z } from "zod";
import { changeLabRole, endSessions, invitePerson, listPeople, promoteExternal } from "../../users/people";
import { ZChangeLabRoleInput, ZInvitePersonInput, ZPerson } from "../../users/schemas";
import { createTRPCRouter, directorProcedure } from "../trpc";

const ZUserId = z.object({ userId: z.string().min(1) });

// Directors and admins; the domain functions hold the finer rules (lab roles: admins only).
export const peopleRouter = createTRPCRouter({
  list: directorProcedure.output(z.array(ZPerson)).query(({ ctx }) => listPeople({ actorId: ctx.actor.id })),

  invite: directorProcedure
    .input(ZInvitePersonInput)
    .output(ZPerson)
    .mutation(({ ctx, input }) => invitePerson({ actorId: ctx.actor.id, ...input })),

  promote: directorProcedure
    .input(ZUserId)
    .output(ZPerson)
    .mutation(({ ctx, input }) => promoteExternal({ actorId: ctx.actor.id, userId: input.userId })),

  changeLabRole: directorProcedure
    .input(ZChangeLabRoleInput)
    .output(ZPerson)
    .mutation(({ ctx, input }) => changeLabRole({ actorId: ctx.actor.id, ...input })),

  endSessions: directorProcedure
    .input(ZUserId)
    .output(z.object({ ended: z.number().int() }))
    .mutation(({ ctx, input }) => endSessions({ actorId: ctx.actor.id, userId: input.userId })),
});

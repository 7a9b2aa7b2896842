import { z } from "zod";
import { changeLabRole, endSessions, invitePerson, listPeople, promoteExternal } from "../../users/people";
import { ZChangeLabRoleInput, ZInvitePersonInput, ZLabRole, ZPerson } from "../../users/schemas";
import { createTRPCRouter, authedProcedure } from "../trpc";

const ZUserId = z.object({ userId: z.string().min(1) });
const ZPeople = z.array(ZPerson);

// Directors and admins: the domain functions check it once (server/users/people.ts: requireManager), with the finer rules (lab roles: admins only).
export const peopleRouter = createTRPCRouter({
  list: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/people",
        tag: "People",
        summary: "Everyone with an account: lab role, external or not, last sign-in, active sessions (lab admins and directors)",
        response: z.object({ people: ZPeople }),
        output: (people: z.infer<typeof ZPeople>) => ({ people }),
      },
    })
    .output(ZPeople)
    .query(({ ctx }) => listPeople({ actorId: ctx.actor.id })),

  invite: authedProcedure
    .meta({
      rest: { method: "POST", path: "/people", tag: "People", summary: "Invite an address to the lab; it may sign in from now on (directors invite researchers, admins any role)", body: ZInvitePersonInput, status: 201 },
    })
    .input(ZInvitePersonInput)
    .output(ZPerson)
    .mutation(({ ctx, input }) => invitePerson({ actorId: ctx.actor.id, ...input })),

  promote: authedProcedure
    .meta({ rest: { method: "POST", path: "/people/{userId}/promote", tag: "People", summary: "Make an external collaborator a lab member", params: ZUserId } })
    .input(ZUserId)
    .output(ZPerson)
    .mutation(({ ctx, input }) => promoteExternal({ actorId: ctx.actor.id, userId: input.userId })),

  changeLabRole: authedProcedure
    .meta({ rest: { method: "PATCH", path: "/people/{userId}", tag: "People", summary: "Change someone's lab role (lab admins)", params: ZUserId, body: z.object({ labRole: ZLabRole }) } })
    .input(ZChangeLabRoleInput)
    .output(ZPerson)
    .mutation(({ ctx, input }) => changeLabRole({ actorId: ctx.actor.id, ...input })),

  endSessions: authedProcedure
    .meta({
      rest: { method: "DELETE", path: "/people/{userId}/sessions", tag: "People", summary: "End every session of someone: their browsers are signed out at their next request", params: ZUserId },
    })
    .input(ZUserId)
    .output(z.object({ ended: z.number().int() }))
    .mutation(({ ctx, input }) => endSessions({ actorId: ctx.actor.id, userId: input.userId })),
});

import { z } from "zod";
import { changeLabRole, endSessions, invitePerson, listPeople, promoteExternal } from "../../users/people";
import { ZInvitePersonInput, ZLabRole, ZPerson } from "../../users/schemas";
import { defineRoute } from "../define-route";

const ZUserIdParams = z.object({ userId: z.string().min(1) });

export const peopleRoutes = [
  defineRoute({
    method: "GET",
    path: "/people",
    tag: "People",
    summary: "Everyone with an account: lab role, external or not, last sign-in, active sessions (lab admins and directors)",
    response: z.object({ people: z.array(ZPerson) }),
    handler: async ({ actor }) => ({ people: await listPeople({ actorId: actor.id }) }),
  }),
  defineRoute({
    method: "POST",
    path: "/people",
    tag: "People",
    summary: "Invite an address to the lab; it may sign in from now on (directors invite researchers, admins any role)",
    body: ZInvitePersonInput,
    response: ZPerson,
    status: 201,
    handler: ({ actor, body }) => invitePerson({ actorId: actor.id, ...body }),
  }),
  defineRoute({
    method: "POST",
    path: "/people/{userId}/promote",
    tag: "People",
    summary: "Make an external collaborator a lab member",
    params: ZUserIdParams,
    response: ZPerson,
    handler: ({ actor, params }) => promoteExternal({ actorId: actor.id, userId: params.userId }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/people/{userId}",
    tag: "People",
    summary: "Change someone's lab role (lab admins)",
    params: ZUserIdParams,
    body: z.object({ labRole: ZLabRole }),
    response: ZPerson,
    handler: ({ actor, params, body }) => changeLabRole({ actorId: actor.id, userId: params.userId, labRole: body.labRole }),
  }),
  defineRoute({
    method: "DELETE",
    path: "/people/{userId}/sessions",
    tag: "People",
    summary: "End every session of someone: their browsers are signed out at their next request",
    params: ZUserIdParams,
    response: z.object({ ended: z.number().int() }),
    handler: ({ actor, params }) => endSessions({ actorId: actor.id, userId: params.userId }),
  }),
];

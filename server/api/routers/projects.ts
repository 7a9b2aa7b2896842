import { z } from "zod";
import { createProject } from "../../projects/create-project";
import { getProject, listProjects } from "../../projects/list-projects";
import { addMember, changeMemberRole, listMembers, removeMember } from "../../projects/members";
import {
  ZAddMemberInput,
  ZCreateProjectInput,
  ZMember,
  ZProject,
  ZProjectName,
  ZProjectRole,
} from "../../projects/schemas";
import { setProjectArchived, updateProject } from "../../projects/update-project";
import { authedProcedure, createTRPCRouter, projectProcedure } from "../trpc";

export const projectsRouter = createTRPCRouter({
  list: authedProcedure
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .output(z.array(ZProject))
    .query(({ ctx, input }) => listProjects({ actorId: ctx.actor.id, includeArchived: input.includeArchived })),

  get: projectProcedure("viewer")
    .output(ZProject)
    .query(({ ctx, input }) => getProject({ actorId: ctx.actor.id, projectSlug: input.projectSlug })),

  create: authedProcedure
    .input(ZCreateProjectInput)
    .output(ZProject)
    .mutation(({ ctx, input }) => createProject({ actorId: ctx.actor.id, ...input })),

  rename: projectProcedure("owner")
    .input(z.object({ name: ZProjectName }))
    .output(ZProject)
    .mutation(({ ctx, input }) => updateProject({ actorId: ctx.actor.id, projectSlug: input.projectSlug, name: input.name })),

  setArchived: projectProcedure("owner")
    .input(z.object({ archived: z.boolean() }))
    .output(ZProject)
    .mutation(({ ctx, input }) =>
      setProjectArchived({ actorId: ctx.actor.id, projectSlug: input.projectSlug, archived: input.archived }),
    ),

  members: projectProcedure("viewer")
    .output(z.array(ZMember))
    .query(({ ctx, input }) => listMembers({ actorId: ctx.actor.id, projectSlug: input.projectSlug })),

  addMember: projectProcedure("owner")
    .input(ZAddMemberInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => addMember({ actorId: ctx.actor.id, ...input })),

  changeMemberRole: projectProcedure("owner")
    .input(z.object({ userId: z.string(), role: ZProjectRole }))
    .output(ZMember)
    .mutation(({ ctx, input }) => changeMemberRole({ actorId: ctx.actor.id, ...input })),

  removeMember: projectProcedure("viewer")
    .input(z.object({ userId: z.string() }))
    .mutation(({ ctx, input }) => removeMember({ actorId: ctx.actor.id, ...input })),
});

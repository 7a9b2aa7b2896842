import { z } from "zod";
import { createProject } from "../../projects/create-project";
import { getProject, listProjects } from "../../projects/list-projects";
import { addMember, changeMemberRole, listMembers, removeMember } from "../../projects/members";
import {
  ZAddMemberInput,
  ZChangeMemberRoleInput,
  ZCreateProjectInput,
  ZMember,
  ZProject,
  ZProjectRole,
  ZUpdateProjectInput,
} from "../../projects/schemas";
import { setProjectArchived, updateProject } from "../../projects/update-project";
import { authedProcedure, createTRPCRouter, projectProcedure } from "../trpc";

const ZProjectParams = z.object({ projectSlug: z.string().min(1).meta({ description: "The project's slug", example: "demo" }) });
const ZMemberParams = ZProjectParams.extend({ userId: z.string().min(1).meta({ description: "The member's user id" }) });
const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");
const ZProjects = z.array(ZProject);
const ZMembers = z.array(ZMember);

export const projectsRouter = createTRPCRouter({
  list: authedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/projects",
        tag: "Projects",
        summary: "List the projects you are a member of",
        query: z.object({ includeArchived: booleanQuery.optional().meta({ description: "Include archived projects" }) }),
        input: ({ query }) => ({ includeArchived: query.includeArchived ?? false }),
        response: z.object({ projects: ZProjects }),
        output: (projects: z.infer<typeof ZProjects>) => ({ projects }),
      },
    })
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .output(ZProjects)
    .query(({ ctx, input }) => listProjects({ actorId: ctx.actor.id, includeArchived: input.includeArchived })),

  get: projectProcedure("viewer")
    .meta({ rest: { method: "GET", path: "/projects/{projectSlug}", tag: "Projects", summary: "Get a project", params: ZProjectParams } })
    .output(ZProject)
    .query(({ ctx, input }) => getProject({ actorId: ctx.actor.id, projectSlug: input.projectSlug })),

  create: authedProcedure
    .meta({ rest: { method: "POST", path: "/projects", tag: "Projects", summary: "Create a project (you become its owner)", body: ZCreateProjectInput, status: 201 } })
    .input(ZCreateProjectInput)
    .output(ZProject)
    .mutation(({ ctx, input }) => createProject({ actorId: ctx.actor.id, ...input })),

  /** Renames the project or changes its description (or both). */
  rename: projectProcedure("owner")
    .meta({ rest: { method: "PATCH", path: "/projects/{projectSlug}", tag: "Projects", summary: "Rename a project or change its description (owners)", params: ZProjectParams, body: ZUpdateProjectInput } })
    .input(ZUpdateProjectInput)
    .output(ZProject)
    .mutation(({ ctx, input }) => updateProject({ actorId: ctx.actor.id, access: ctx.access, projectSlug: input.projectSlug, name: input.name, description: input.description })),

  setArchived: projectProcedure("owner")
    .meta({
      rest: [
        { method: "POST", path: "/projects/{projectSlug}/archive", tag: "Projects", summary: "Archive a project (owners)", params: ZProjectParams, input: ({ params }) => ({ ...params, archived: true }) },
        { method: "POST", path: "/projects/{projectSlug}/unarchive", tag: "Projects", summary: "Restore an archived project (owners)", params: ZProjectParams, input: ({ params }) => ({ ...params, archived: false }) },
      ],
    })
    .input(z.object({ archived: z.boolean() }))
    .output(ZProject)
    .mutation(({ ctx, input }) =>
      setProjectArchived({ actorId: ctx.actor.id, access: ctx.access, projectSlug: input.projectSlug, archived: input.archived }),
    ),

  members: projectProcedure("viewer")
    .meta({
      rest: {
        method: "GET",
        path: "/projects/{projectSlug}/members",
        tag: "Members",
        summary: "List a project's members",
        params: ZProjectParams,
        response: z.object({ members: ZMembers }),
        output: (members: z.infer<typeof ZMembers>) => ({ members }),
      },
    })
    .output(ZMembers)
    .query(({ ctx, input }) => listMembers({ actorId: ctx.actor.id, access: ctx.access, projectSlug: input.projectSlug })),

  addMember: projectProcedure("owner")
    .meta({ rest: { method: "POST", path: "/projects/{projectSlug}/members", tag: "Members", summary: "Add a member by email (owners)", params: ZProjectParams, body: ZAddMemberInput, status: 201 } })
    .input(ZAddMemberInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => addMember({ actorId: ctx.actor.id, access: ctx.access, ...input })),

  changeMemberRole: projectProcedure("owner")
    .meta({ rest: { method: "PATCH", path: "/projects/{projectSlug}/members/{userId}", tag: "Members", summary: "Change a member's role (owners)", params: ZMemberParams, body: ZChangeMemberRoleInput } })
    .input(z.object({ userId: z.string(), role: ZProjectRole }))
    .output(ZMember)
    .mutation(({ ctx, input }) => changeMemberRole({ actorId: ctx.actor.id, access: ctx.access, ...input })),

  removeMember: projectProcedure("viewer")
    .meta({
      rest: { method: "DELETE", path: "/projects/{projectSlug}/members/{userId}", tag: "Members", summary: "Remove a member (owners; anyone may remove themselves)", params: ZMemberParams, status: 204 },
    })
    .input(z.object({ userId: z.string() }))
    .mutation(({ ctx, input }) => removeMember({ actorId: ctx.actor.id, access: ctx.access, ...input })),
});

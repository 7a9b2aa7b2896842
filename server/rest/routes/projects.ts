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
  ZUpdateProjectInput,
} from "../../projects/schemas";
import { setProjectArchived, updateProject } from "../../projects/update-project";
import { defineRoute } from "../define-route";

const ZProjectParams = z.object({ projectSlug: z.string().min(1).meta({ description: "The project's slug", example: "demo" }) });
const ZMemberParams = ZProjectParams.extend({ userId: z.string().min(1).meta({ description: "The member's user id" }) });
const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

export const projectRoutes = [
  defineRoute({
    method: "GET",
    path: "/projects",
    tag: "Projects",
    summary: "List the projects you are a member of",
    query: z.object({ includeArchived: booleanQuery.optional().meta({ description: "Include archived projects" }) }),
    response: z.object({ projects: z.array(ZProject) }),
    handler: async ({ actor, query }) => ({
      projects: await listProjects({ actorId: actor.id, includeArchived: query.includeArchived ?? false }),
    }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects",
    tag: "Projects",
    summary: "Create a project (you become its owner)",
    body: ZCreateProjectInput,
    response: ZProject,
    status: 201,
    handler: ({ actor, body }) => createProject({ actorId: actor.id, ...body }),
  }),
  defineRoute({
    method: "GET",
    path: "/projects/{projectSlug}",
    tag: "Projects",
    summary: "Get a project",
    params: ZProjectParams,
    response: ZProject,
    handler: ({ actor, params }) => getProject({ actorId: actor.id, projectSlug: params.projectSlug }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/projects/{projectSlug}",
    tag: "Projects",
    summary: "Rename a project or change its description (owners)",
    params: ZProjectParams,
    body: ZUpdateProjectInput,
    response: ZProject,
    handler: ({ actor, params, body }) => updateProject({ actorId: actor.id, projectSlug: params.projectSlug, ...body }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects/{projectSlug}/archive",
    tag: "Projects",
    summary: "Archive a project (owners)",
    params: ZProjectParams,
    response: ZProject,
    handler: ({ actor, params }) => setProjectArchived({ actorId: actor.id, projectSlug: params.projectSlug, archived: true }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects/{projectSlug}/unarchive",
    tag: "Projects",
    summary: "Restore an archived project (owners)",
    params: ZProjectParams,
    response: ZProject,
    handler: ({ actor, params }) => setProjectArchived({ actorId: actor.id, projectSlug: params.projectSlug, archived: false }),
  }),
  defineRoute({
    method: "GET",
    path: "/projects/{projectSlug}/members",
    tag: "Members",
    summary: "List a project's members",
    params: ZProjectParams,
    response: z.object({ members: z.array(ZMember) }),
    handler: async ({ actor, params }) => ({ members: await listMembers({ actorId: actor.id, projectSlug: params.projectSlug }) }),
  }),
  defineRoute({
    method: "POST",
    path: "/projects/{projectSlug}/members",
    tag: "Members",
    summary: "Add a member by email (owners)",
    params: ZProjectParams,
    body: ZAddMemberInput,
    response: ZMember,
    status: 201,
    handler: ({ actor, params, body }) => addMember({ actorId: actor.id, projectSlug: params.projectSlug, ...body }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/projects/{projectSlug}/members/{userId}",
    tag: "Members",
    summary: "Change a member's role (owners)",
    params: ZMemberParams,
    body: ZChangeMemberRoleInput,
    response: ZMember,
    handler: ({ actor, params, body }) => changeMemberRole({ actorId: actor.id, ...params, role: body.role }),
  }),
  defineRoute({
    method: "DELETE",
    path: "/projects/{projectSlug}/members/{userId}",
    tag: "Members",
    summary: "Remove a member (owners; anyone may remove themselves)",
    params: ZMemberParams,
    response: undefined,
    status: 204,
    handler: ({ actor, params }) => removeMember({ actorId: actor.id, ...params }),
  }),
];

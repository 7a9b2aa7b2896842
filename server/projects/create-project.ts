import { recordAuditEvent } from "../audit/record-audit-event";
import { db, isUniqueViolation } from "../db/client";
import { AppError } from "../errors";
import { memberProjectSelect, toProject } from "./project-row";
import { slugify, ZCreateProjectInput, type TCreateProjectInput, type TProject } from "./schemas";

/** Creates a project; the creator becomes its owner. External collaborators cannot. */
export async function createProject(args: { actorId: string } & TCreateProjectInput): Promise<TProject> {
  const input = ZCreateProjectInput.parse(args);
  const actor = await db.user.findUnique({ where: { id: args.actorId }, select: { external: true } });
  if (!actor || actor.external) {
    throw new AppError(
      "FORBIDDEN",
      "External collaborators cannot create projects; ask a lab admin to make you a lab member, or a project owner to add you.",
    );
  }
  const slug = input.slug ?? slugify(input.name);
  try {
    const project = await db.$transaction(async (tx) => {
      const created = await tx.project.create({
        data: {
          slug,
          name: input.name,
          description: input.description,
          members: { create: { userId: args.actorId, role: "owner" } },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, { actorId: args.actorId, projectId: created.id, action: "project.created", target: input.name });
      return created;
    });
    return toProject(
      await db.member.findUniqueOrThrow({
        where: { projectId_userId: { projectId: project.id, userId: args.actorId } },
        select: memberProjectSelect,
      }),
    );
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", `A project with the slug "${slug}" already exists; choose another slug.`, {
        slug: [`"${slug}" is taken`],
      });
    }
    throw e;
  }
}

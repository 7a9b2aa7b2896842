import { describe, expect, it } from "vitest";
import { getDashboard } from "../server/dashboard/get-dashboard";
import { AppError } from "../server/errors";
import { createProject } from "../server/projects/create-project";
import { getProject, listProjects } from "../server/projects/list-projects";
import { slugify } from "../server/projects/schemas";
import { setProjectArchived, updateProject } from "../server/projects/update-project";
import { addMemberAs, createProjectFor, createUser } from "./support/factories";

describe("projects", () => {
  it("makes the creator the owner and derives a slug from the name", async () => {
    const ana = await createUser();
    const name = `Protein Stäbility ${Date.now()}`;
    const project = await createProject({ actorId: ana.id, name });
    expect(project.slug).toBe(slugify(name));
    expect(project.slug).toMatch(/^protein-stability-\d+$/);
    expect(project.role).toBe("owner");
    expect(project.memberCount).toBe(1);
  });

  it("refuses a taken slug with a sentence naming it", async () => {
    const ana = await createUser();
    const first = await createProjectFor(ana);
    const err = await createProject({ actorId: ana.id, name: "Again", slug: first.slug }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain(`"${first.slug}"`);
  });

  it("lists only the caller's projects, archived ones on request", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const mine = await createProjectFor(ana);
    const archived = await createProjectFor(ana);
    const bens = await createProjectFor(ben);
    await setProjectArchived({ actorId: ana.id, projectSlug: archived.slug, archived: true });
    const slugs = (await listProjects({ actorId: ana.id })).map((p) => p.slug);
    expect(slugs).toContain(mine.slug);
    expect(slugs).not.toContain(archived.slug);
    expect(slugs).not.toContain(bens.slug);
    const all = (await listProjects({ actorId: ana.id, includeArchived: true })).map((p) => p.slug);
    expect(all).toContain(archived.slug);
  });

  it("hides a project from non-members as not found", async () => {
    const ana = await createUser();
    const stranger = await createUser();
    const project = await createProjectFor(ana);
    await expect(getProject({ actorId: stranger.id, projectSlug: project.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets owners rename and archive, and refuses editors and viewers", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const chen = await createUser();
    const project = await createProjectFor(ana);
    await addMemberAs(ana, project, ben, "editor");
    await addMemberAs(ana, project, chen, "viewer");
    for (const who of [ben, chen]) {
      await expect(updateProject({ actorId: who.id, projectSlug: project.slug, name: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setProjectArchived({ actorId: who.id, projectSlug: project.slug, archived: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const renamed = await updateProject({ actorId: ana.id, projectSlug: project.slug, name: "Renamed" });
    expect(renamed.name).toBe("Renamed");
    expect((await getProject({ actorId: chen.id, projectSlug: project.slug })).name).toBe("Renamed");
  });

  it("shows what changed lately on the dashboard, only from the caller's projects", async () => {
    const ana = await createUser();
    const ben = await createUser();
    const project = await createProjectFor(ana);
    const other = await createProjectFor(ben);
    await updateProject({ actorId: ana.id, projectSlug: project.slug, name: "Fresh name" });
    const { projects, activity } = await getDashboard({ actorId: ana.id });
    expect(projects.map((p) => p.slug)).toEqual([project.slug]);
    expect(activity[0]).toMatchObject({ action: "project.renamed", target: "Fresh name", project: { slug: project.slug } });
    expect(activity.some((a) => a.project?.slug === other.slug)).toBe(false);
  });
});

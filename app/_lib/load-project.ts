// A project page's project, once per request. Someone who is not a member gets Next's 404 page
// (the project's existence is not revealed).
import { notFound } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/server/errors";
import { getProject } from "@/server/projects/list-projects";
import type { TProject } from "@/server/projects/schemas";

export const loadProject = cache(async (actorId: string, projectSlug: string): Promise<TProject> => {
  try {
    return await getProject({ actorId, projectSlug });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

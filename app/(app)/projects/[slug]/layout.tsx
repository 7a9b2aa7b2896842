import type { ReactNode } from "react";
import { ProjectHeader } from "@/components/project/project-header";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser } from "@/app/_lib/session";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const user = await getCurrentUser();
  // Without a session the page itself redirects to sign in (with its own path).
  if (!user) return children;
  const { slug } = await params;
  const project = await loadProject(user.id, slug);
  return (
    <div className="space-y-6">
      <ProjectHeader project={project} />
      {children}
    </div>
  );
}

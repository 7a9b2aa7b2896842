import { Settings, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { FilesTable } from "@/components/project/files-table";
import { MemberRow } from "@/components/project/member-row";
import { RoleBadge } from "@/components/projects/role-badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatBytes } from "@/lib/format-bytes";
import { loadProject } from "@/app/_lib/load-project";
import { getCurrentUser, requireUser } from "@/app/_lib/session";
import { listFiles } from "@/server/files/list-files";
import { listMembers } from "@/server/projects/members";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const user = await getCurrentUser();
  if (!user) return { title: "Project" };
  const { slug } = await params;
  return { title: (await loadProject(user.id, slug)).name };
}

export default async function ProjectPage({ params }: { params: Params }) {
  const { slug } = await params;
  const user = await requireUser(`/projects/${slug}`);
  const project = await loadProject(user.id, slug);
  const [files, members] = await Promise.all([
    listFiles({ actorId: user.id, projectSlug: project.slug }),
    listMembers({ actorId: user.id, projectSlug: project.slug }),
  ]);
  const totalBytes = files.reduce((sum, f) => sum + f.sizeBytes, 0);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
      <section aria-labelledby="files-heading">
        <Card className="overflow-hidden">
          <CardHeader className="flex-row items-baseline justify-between gap-2 pb-4">
            <CardTitle id="files-heading">Files</CardTitle>
            <CardDescription className="text-xs">
              {files.length} {files.length === 1 ? "file" : "files"} · {formatBytes(totalBytes)}
            </CardDescription>
          </CardHeader>
          <div className="border-t border-border">
            <FilesTable files={files} projectSlug={project.slug} canRun={project.role !== "viewer" && !project.archived} />
          </div>
        </Card>
      </section>
      <section aria-labelledby="members-heading">
        <Card className="overflow-hidden">
          <CardHeader className="flex-row items-center justify-between gap-2 pb-4">
            <CardTitle id="members-heading" className="flex items-center gap-2">
              Members
              <span className="text-sm font-normal text-muted-foreground">{members.length}</span>
            </CardTitle>
            <Link
              href={`/projects/${project.slug}/settings`}
              className="inline-flex items-center gap-1 rounded-sm text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              {project.role === "owner" ? <Settings className="size-3.5" aria-hidden /> : <Users className="size-3.5" aria-hidden />}
              {project.role === "owner" ? "Manage" : "Details"}
            </Link>
          </CardHeader>
          <ul className="divide-y divide-border border-t border-border">
            {members.map((member) => (
              <MemberRow key={member.userId} member={member} isYou={member.userId === user.id} end={<RoleBadge role={member.role} />} />
            ))}
          </ul>
        </Card>
      </section>
    </div>
  );
}

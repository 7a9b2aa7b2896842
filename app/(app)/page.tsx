import { ArrowRight, FolderPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFeed } from "@/components/dashboard/activity-feed";
import { YourSpend } from "@/components/dashboard/your-spend";
import { YOUR_JOBS_INPUT, YourJobs } from "@/components/dashboard/your-jobs";
import { PageHeader } from "@/components/page-header";
import { NewProjectDialog } from "@/components/projects/new-project-dialog";
import { ProjectCard } from "@/components/projects/project-card";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverTrpc } from "@/app/_lib/trpc-server";
import { ownSpend } from "@/server/costs/dashboard";
import { getDashboard } from "@/server/dashboard/get-dashboard";
import { displayName } from "@/server/users/users";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/");
  const [{ projects, activity }, spend] = await Promise.all([
    getDashboard({ actorId: user.id }),
    ownSpend({ actorId: user.id }),
    getQueryClient().prefetchQuery(serverTrpc.jobs.list.queryOptions(YOUR_JOBS_INPUT)),
  ]);
  const firstName = displayName(user).split(" ")[0];

  return (
    <div className="space-y-8">
      <PageHeader
        title={projects.length === 0 ? `Welcome to Benchtop, ${firstName}` : `Welcome back, ${firstName}`}
        description={
          projects.length === 0
            ? "You are not in any project yet."
            : `You are in ${projects.length} active ${projects.length === 1 ? "project" : "projects"}.`
        }
        actions={user.external ? null : <NewProjectDialog />}
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_360px]">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="projects-heading" className="space-y-3">
            <div className="flex items-center justify-between">
              <h2 id="projects-heading" className="text-sm font-semibold">
                Your projects
              </h2>
              {projects.length > 0 ? (
                <Link
                  href="/projects"
                  className="inline-flex items-center gap-1 rounded-sm text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  All projects <ArrowRight className="size-3.5" aria-hidden />
                </Link>
              ) : null}
            </div>
            {projects.length === 0 && user.external ? (
              <EmptyState icon={FolderPlus} title="No projects shared with you yet">
                You are signed in as an external collaborator. A project owner can add you to their project by your
                email address, or a lab admin can make you a lab member, who may start projects.
              </EmptyState>
            ) : projects.length === 0 ? (
              <EmptyState
                icon={FolderPlus}
                title="Start your first project"
                action={<NewProjectDialog />}
              >
                A project keeps your code, notebooks and runs together, and shares them with the people you add.
                Someone can also add you to theirs by your email address.
              </EmptyState>
            ) : (
              <ul className="grid gap-3 sm:grid-cols-2">
                {projects.slice(0, 8).map((project) => (
                  <li key={project.id}>
                    <ProjectCard project={project} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <HydrateClient>
            <YourJobs />
          </HydrateClient>
        </div>
        <section aria-labelledby="activity-heading" className="space-y-8">
          {user.external ? null : <YourSpend spend={spend} month={new Date().toLocaleString("en", { month: "long", timeZone: "UTC" })} />}
          <Card>
            <CardHeader className="pb-1">
              <CardTitle id="activity-heading" className="text-sm">
                Recent activity
              </CardTitle>
            </CardHeader>
            <CardContent className="px-3 pt-2 pb-3">
              <ActivityFeed activity={activity} />
            </CardContent>
          </Card>
        </section>
      </div>
    </div>
  );
}

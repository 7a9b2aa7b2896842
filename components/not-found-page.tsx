import { ArrowLeft, FolderSearch } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "./status-page";
import { Button } from "./ui/button";

export function NotFoundPage() {
  return (
    <StatusPage
      icon={FolderSearch}
      code="404"
      title="Page not found"
      actions={
        <>
          <Button asChild>
            <Link href="/">
              <ArrowLeft aria-hidden />
              Back to the dashboard
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/projects">Your projects</Link>
          </Button>
        </>
      }
    >
      We couldn’t find that page. The link may be mistyped, or it may belong to a project you are not a member of. If a colleague sent it, ask them
      to add you to the project.
    </StatusPage>
  );
}

import type { TActivity } from "@/server/dashboard/get-dashboard";

type Phrase = { verb: string; object?: string; suffix?: string };

/** What an audit event says, as the words after the actor's name: "added chen@… as viewer". */
export function activityPhrase(event: Pick<TActivity, "action" | "target" | "data">): Phrase {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : undefined);
  switch (event.action) {
    case "project.created":
      return { verb: "created the project" };
    case "project.renamed":
      return str("from") ? { verb: "renamed", object: str("from"), suffix: `to ${str("to") ?? event.target}` } : { verb: "renamed the project to", object: event.target };
    case "project.archived":
      return { verb: "archived the project" };
    case "project.unarchived":
      return { verb: "restored the project from the archive" };
    case "member.added":
      return { verb: "added", object: event.target, suffix: str("role") ? `as ${str("role")}` : undefined };
    case "member.role_changed":
      return { verb: "changed the role of", object: event.target, suffix: roleChange(str("from"), str("to")) };
    case "member.removed":
      return { verb: "removed", object: event.target };
    case "file.created":
      return { verb: "created the file", object: event.target };
    case "file.renamed":
    case "folder.renamed":
      return { verb: `moved the ${event.action === "file.renamed" ? "file" : "folder"}`, object: str("from") ?? event.target, suffix: `to ${event.target}` };
    case "file.deleted":
      return { verb: "deleted the file", object: event.target };
    case "folder.created":
      return { verb: "created the folder", object: event.target };
    case "folder.deleted":
      return { verb: "deleted the folder", object: event.target };
    case "token.created":
      return { verb: "created the API token", object: event.target };
    case "token.revoked":
      return { verb: "revoked the API token", object: event.target };
    case "job.submitted":
      return { verb: "submitted the job", object: event.target };
    case "job.cancelled":
      return { verb: "cancelled the job", object: event.target };
    case "user.signed_in":
      return { verb: "signed in" };
    default:
      return { verb: event.action.replace(/[._]/g, " "), object: event.target || undefined };
  }
}

function roleChange(from: string | undefined, to: string | undefined): string | undefined {
  if (from && to) return `from ${from} to ${to}`;
  if (to) return `to ${to}`;
  return undefined;
}

// The dev mailbox as JSON, for scripts and tests: GET /api/dev/mailbox?to=ana@lab.org.
// Exists only where the dev mailbox does (demo and development without SMTP); 404 otherwise.
import { usesDevMailbox } from "@/server/env";
import { listDevMail } from "@/server/mail/send-mail";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  if (!usesDevMailbox) {
    return Response.json({ error: { code: "not_found", message: "There is no dev mailbox here (SMTP is configured, or this is production)." } }, { status: 404 });
  }
  const to = new URL(req.url).searchParams.get("to")?.toLowerCase();
  const mails = (await listDevMail(100)).filter((m) => !to || m.to.toLowerCase() === to);
  return Response.json({ mails }, { headers: { "cache-control": "no-store" } });
}

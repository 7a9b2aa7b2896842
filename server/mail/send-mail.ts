// Outgoing mail. With SMTP_URL set, mail goes through nodemailer. Without it, in demo and
// development only, mail is kept in the dev mailbox (a page at /dev/mailbox) and its sign-in
// link is written to the server log. Production without SMTP sends nothing (email sign-in off).
import nodemailer from "nodemailer";
import { db } from "../db/client";
import { env, usesDevMailbox } from "../env";
import { log } from "../log";

/** Whether this server can mail at all: SMTP, or the dev mailbox in demo and development. */
export const canSendMail = Boolean(env.SMTP_URL) || usesDevMailbox;

export type Mail = { to: string; subject: string; text: string; html?: string; link?: string };

let transport: nodemailer.Transporter | null = null;

export async function sendMail(mail: Mail): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.EMAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    log.info({ to: mail.to, subject: mail.subject }, "mail sent");
    return;
  }
  if (!usesDevMailbox) throw new Error("No SMTP_URL is configured, so Benchtop cannot send mail.");
  await db.devMail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, link: mail.link ?? null } });
  log.info(
    { to: mail.to, subject: mail.subject, link: mail.link, mailbox: `${env.baseUrl}/dev/mailbox` },
    "mail kept in the dev mailbox (no SMTP_URL configured)",
  );
}

/**
 * Sends without making the caller wait. Sign-in answers must not depend on whether, or how
 * slowly, a mail went out (that would tell who is a member), so a failure is logged, not shown.
 */
export function sendInBackground(mail: Mail): void {
  sendMail(mail).catch((e: unknown) =>
    log.error({ err: { message: (e as Error).message }, to: mail.to, subject: mail.subject }, "mail could not be sent"),
  );
}

export async function listDevMail(limit = 50) {
  if (!usesDevMailbox) return [];
  return db.devMail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}

export function signInMail(to: string, url: string): Mail {
  const host = new URL(url).host;
  return {
    to,
    subject: `Sign in to Benchtop`,
    link: url,
    text: `Sign in to Benchtop at ${host} with this link (it works once, for 15 minutes):\n\n${url}\n\nIf you did not ask for it, ignore this mail.\n`,
    html: `<p>Sign in to Benchtop at ${escapeHtml(host)}:</p><p><a href="${escapeHtml(url)}">Sign in</a></p><p>The link works once, for 15 minutes. If you did not ask for it, ignore this mail.</p>`,
  };
}

/** An invitation to the lab: where to sign in, not a link that signs in (those last 15 minutes). */
export function invitationMail(to: string, invitedBy: string): Mail {
  const url = `${env.baseUrl}/signin?${new URLSearchParams({ email: to })}`;
  const host = new URL(url).host;
  return {
    to,
    subject: "You are invited to Benchtop",
    link: url,
    text: `${invitedBy} invited you to your lab's Benchtop at ${host}. Sign in with this address here:\n\n${url}\n`,
    html: `<p>${escapeHtml(invitedBy)} invited you to your lab's Benchtop at ${escapeHtml(host)}.</p><p><a href="${escapeHtml(url)}">Sign in</a> with this address.</p>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

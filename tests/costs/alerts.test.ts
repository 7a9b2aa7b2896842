// Budget thresholds fire once per period: a real SMTP server (npm smtp-server) on loopback receives
// exactly one mail per threshold per recipient however often, and however concurrently, the check
// runs (thresholds crossed in one step: one, for the highest); each recipient gets one notice per
// threshold, and sees and marks only their own.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBudgets } from "../../server/costs/alerts";
import { setProjectBudget } from "../../server/costs/budgets";
import { db } from "../../server/db/client";
import { env } from "../../server/env";
import { createApiToken } from "../../server/tokens/api-tokens";
import { rest as restCall } from "../edge/http";
import { addMemberAs, createProjectFor, createUser, type TestUser } from "../support/factories";
import { writeLedger } from "./ledger-fixture";

type Received = { to: string[]; subject: string; body: string };
const received: Received[] = [];
let smtp: SMTPServer;
const smtpUrl = env.SMTP_URL;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (d: Buffer) => (body += d.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: /^Subject: (.*)$/m.exec(body)?.[1] ?? "", body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  env.SMTP_URL = smtpUrl;
  await new Promise<void>((resolve) => smtp.close(resolve));
});

async function rest(user: TestUser, method: string, path: string, body?: unknown) {
  const { token } = await createApiToken({ actorId: user.id, name: "notices" });
  const { status, json } = await restCall(method, path, { token, body });
  return { status, body: json };
}

// Other files' budgets share the database (a director is told of those too): mails and notices are read per project.
const mailsTo = (email: string, project: string) =>
  received.filter((m) => m.to.includes(email) && m.body.includes(`Project ${project} has spent`)).map((m) => m.subject).sort();

describe("budget alerts", () => {
  it("each threshold fires once: one notice and one mail per recipient, even with many concurrent checks", async () => {
    const owner = await createUser();
    const editor = await createUser();
    const director = await createUser({ labRole: "director" });
    const project = await createProjectFor(owner);
    await addMemberAs(owner, project, editor, "editor");
    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "10", thresholds: [50, 80, 100] });
    const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
    const monthName = month.toLocaleString("en", { month: "long", timeZone: "UTC" });

    const at = (minutes: number) => new Date(month.getTime() + minutes * 60_000);
    const checks = async (n: number) => {
      await Promise.all(Array.from({ length: n }, () => checkBudgets()));
      await checkBudgets();
    };
    // Spend before the period counts for nothing.
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: new Date(month.getTime() - 86_400_000), minutes: 600, hourly: "12" });
    // $5.60 spent (56 %): 28 minutes at $12/h. Then $8.20 (82 %), then $10.20 (102 %).
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: at(0), minutes: 28, hourly: "12" });
    await checks(8);
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: at(60), minutes: 13, hourly: "12" });
    await checks(8);
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: at(120), minutes: 10, hourly: "12" });
    await checks(8);

    const texts = [
      `Project ${project.slug} has spent $5.60 (56 %) of its $10.00 ${monthName} budget`,
      `Project ${project.slug} has spent $8.20 (82 %) of its $10.00 ${monthName} budget`,
      `Project ${project.slug} has spent $10.20 (102 %) of its $10.00 ${monthName} budget`,
    ];
    const subjects = ["Budget: 100 % reached", "Budget: 50 % reached", "Budget: 80 % reached"];
    for (const person of [owner, director]) {
      const notices = await db.notice.findMany({ where: { userId: person.id, href: `/projects/${project.slug}/settings` }, orderBy: { createdAt: "asc" } });
      expect(notices.map((n) => n.text)).toEqual(texts);
      expect(notices[0]!.href).toBe(`/projects/${project.slug}/settings`);
      await expect.poll(() => mailsTo(person.email, project.slug)).toEqual(subjects);
    }
    // An editor is not told.
    expect(await db.notice.count({ where: { userId: editor.id } })).toBe(0);
    expect(mailsTo(editor.email, project.slug)).toEqual([]);
    expect(received.find((m) => m.to.includes(owner.email) && m.subject === "Budget: 80 % reached")!.body).toContain(texts[1]);
    expect(await db.budgetAlert.count({ where: { budget: { projectId: project.id } } })).toBe(3);
    // More checks tell nobody anything more.
    await checks(4);
    expect(await db.notice.count({ where: { userId: owner.id } })).toBe(3);
    expect(mailsTo(owner.email, project.slug)).toEqual(subjects);
  });

  it("thresholds crossed in one step are one notice and one mail, for the highest; each is still recorded once", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "10" });
    const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
    // $9.00 at once (90 %): past 50 and 80.
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: new Date(month.getTime() + 60_000), minutes: 45, hourly: "12" });
    await Promise.all(Array.from({ length: 6 }, () => checkBudgets()));
    expect((await db.notice.findMany({ where: { userId: owner.id } })).map((n) => n.text)).toEqual([expect.stringContaining("has spent $9.00 (90 %) of its $10.00")]);
    await expect.poll(() => mailsTo(owner.email, project.slug)).toEqual(["Budget: 80 % reached"]);
    expect((await db.budgetAlert.findMany({ where: { budget: { projectId: project.id } }, orderBy: { threshold: "asc" } })).map((a) => a.threshold)).toEqual([50, 80]);
  });

  it("notices: a person lists and marks only their own (REST and tRPC share the rule)", async () => {
    const a = await createUser();
    const b = await createUser();
    const mine = await db.notice.create({ data: { userId: a.id, kind: "budget.threshold", text: "for a", href: "/costs" } });
    const theirs = await db.notice.create({ data: { userId: b.id, kind: "budget.threshold", text: "for b" } });

    const listA = await rest(a, "GET", "/notices");
    expect(listA.status).toBe(200);
    expect(listA.body.notices.map((n: { text: string }) => n.text)).toEqual(["for a"]);
    expect(listA.body.unread).toBe(1);

    // a marking b's notice marks nothing.
    const wrong = await rest(a, "POST", "/notices/read", { ids: [theirs.id] });
    expect(wrong.body.marked).toBe(0);
    expect((await db.notice.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    const all = await rest(a, "POST", "/notices/read", {});
    expect(all.body.marked).toBe(1);
    expect((await db.notice.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    expect((await rest(a, "GET", "/notices")).body.unread).toBe(0);
    expect((await rest(b, "GET", "/notices")).body.unread).toBe(1);
  });
});

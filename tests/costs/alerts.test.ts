// Budget thresholds fire once per period: a real SMTP server (npm smtp-server) on loopback receives
// exactly one mail per threshold per recipient however often, and however concurrently, the check
// runs; each recipient gets one notice per threshold, and sees and marks only their own.
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

const mailsTo = (email: string) => received.filter((m) => m.to.includes(email)).map((m) => m.subject).sort();

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

    // $8.20 spent: 82 %, past 50 and 80. 41 minutes at $12/h = $8.20.
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: new Date(month.getTime() + 3600_000), minutes: 41, hourly: "12" });
    // Spend before the period counts for nothing.
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: new Date(month.getTime() - 86_400_000), minutes: 600, hourly: "12" });
    await Promise.all(Array.from({ length: 8 }, () => checkBudgets()));
    await Promise.all(Array.from({ length: 4 }, () => checkBudgets()));

    const text = `Project ${project.slug} has spent $8.20 (82 %) of its $10.00 ${monthName} budget`;
    for (const person of [owner, director]) {
      const notices = await db.notice.findMany({ where: { userId: person.id }, orderBy: { createdAt: "asc" } });
      expect(notices.map((n) => n.text)).toEqual([text, text]);
      expect(notices[0]!.href).toBe(`/projects/${project.slug}/settings`);
      await expect.poll(() => mailsTo(person.email)).toEqual(["Budget: 50 % reached", "Budget: 80 % reached"]);
    }
    // An editor is not told.
    expect(await db.notice.count({ where: { userId: editor.id } })).toBe(0);
    expect(mailsTo(editor.email)).toEqual([]);
    expect(received.find((m) => m.to.includes(owner.email))!.body).toContain(text);

    // Over 100 %: that threshold fires once more, and nothing else does.
    await writeLedger({ projectId: project.id, userId: owner.id, startsAt: new Date(month.getTime() + 7200_000), minutes: 10, hourly: "12" });
    await Promise.all(Array.from({ length: 8 }, () => checkBudgets()));
    await checkBudgets();
    await expect.poll(() => mailsTo(owner.email)).toEqual(["Budget: 100 % reached", "Budget: 50 % reached", "Budget: 80 % reached"]);
    expect(mailsTo(director.email)).toEqual(["Budget: 100 % reached", "Budget: 50 % reached", "Budget: 80 % reached"]);
    expect(await db.budgetAlert.count({ where: { budget: { projectId: project.id } } })).toBe(3);
    const last = await db.notice.findFirstOrThrow({ where: { userId: owner.id }, orderBy: { createdAt: "desc" } });
    expect(last.text).toBe(`Project ${project.slug} has spent $10.20 (102 %) of its $10.00 ${monthName} budget`);
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

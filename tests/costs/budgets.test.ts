import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { budgetPeriod, getLabBudget, getProjectBudget, setLabBudget, setProjectBudget } from "../../server/costs/budgets";
import { AppError } from "../../server/errors";
import { createApiToken } from "../../server/tokens/api-tokens";
import { addMemberAs, createProjectFor, createUser, type TestUser } from "../support/factories";
import { rest as restCall } from "../edge/http";

/** A REST call as `user`, through the shared edge helper (tests/edge/http.ts). */
async function rest(user: TestUser, method: string, path: string, body?: unknown) {
  const { token } = await createApiToken({ actorId: user.id, name: "budgets" });
  const { status, json } = await restCall(method, path, { token, body });
  return { status, json };
}
import { writeLedger } from "./ledger-fixture";

describe("budgets", () => {
  it("a monthly budget shows what the project spent this UTC month and what is left", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const p = await db.project.findUniqueOrThrow({ where: { slug: project.slug } });
    const at = new Date(Date.UTC(2031, 4, 15, 12));
    // 60 minutes at $3/h in May (=$3.00), 60 minutes in April (not counted).
    await writeLedger({ projectId: p.id, userId: owner.id, startsAt: new Date(Date.UTC(2031, 4, 2, 10)), minutes: 60, hourly: "3" });
    await writeLedger({ projectId: p.id, userId: owner.id, startsAt: new Date(Date.UTC(2031, 3, 30, 10)), minutes: 60, hourly: "3" });
    expect(await getProjectBudget({ actorId: owner.id, projectSlug: project.slug })).toBeNull();
    await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "10", policy: "hold" });
    const b = await getProjectBudget({ actorId: owner.id, projectSlug: project.slug, at });
    expect(b).toMatchObject({ period: "month", policy: "hold", thresholds: [50, 80, 100], percent: 30 });
    expect(b?.spent).toEqual({ amount: "3.00", currency: "USD" });
    expect(b?.left).toEqual({ amount: "7.00", currency: "USD" });
    expect(b?.periodStart).toBe("2031-05-01T00:00:00.000Z");
    const audit = await db.auditEvent.findFirst({ where: { projectId: p.id, action: "budget.set" } });
    expect(audit).not.toBeNull();
  });

  it("an `until` budget runs from its start (today by default) to the end of its last day", async () => {
    expect(budgetPeriod({ startsAt: new Date("2027-01-01T00:00:00Z"), endsAt: new Date("2027-07-01T00:00:00Z") })).toEqual({
      start: new Date("2027-01-01T00:00:00Z"), end: new Date("2027-07-01T00:00:00Z"),
    });
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const b = await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "400", until: "2099-06-30" });
    expect(b.period).toBe("until");
    expect(b.periodEnd).toBe("2099-07-01T00:00:00.000Z");
    expect(b.periodStart.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
  });

  it("only owners and directors set a project's budget; only directors the lab's", async () => {
    const owner = await createUser();
    const editor = await createUser();
    const director = await createUser({ labRole: "director" });
    const project = await createProjectFor(owner);
    await addMemberAs(owner, project, editor, "editor");
    const err = await setProjectBudget({ actorId: editor.id, projectSlug: project.slug, amount: "5" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("FORBIDDEN");
    expect((await getProjectBudget({ actorId: editor.id, projectSlug: project.slug }))).toBeNull();
    await setProjectBudget({ actorId: director.id, projectSlug: project.slug, amount: "5" });
    expect((await getProjectBudget({ actorId: editor.id, projectSlug: project.slug }))?.amount.amount).toBe("5.00");
    expect((await setLabBudget({ actorId: owner.id, amount: "1" }).catch((e) => e)).code).toBe("FORBIDDEN");
    const lab = await setLabBudget({ actorId: director.id, amount: "1000", thresholds: [80, 50] });
    expect(lab.scope).toBe("lab");
    expect(lab.thresholds).toEqual([50, 80]);
    expect((await getLabBudget({ actorId: director.id }))?.amount.amount).toBe("1000.00");
  });

  it("refuses an amount that is not a number with a sentence", async () => {
    const owner = await createUser();
    const project = await createProjectFor(owner);
    const err = await setProjectBudget({ actorId: owner.id, projectSlug: project.slug, amount: "lots" }).catch((e) => e);
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toContain('"lots"');
  });

  it("GET and PUT /api/v1/projects/{slug}/budget and /api/v1/budget", async () => {
    const owner = await createUser();
    const director = await createUser({ labRole: "director" });
    const project = await createProjectFor(owner);
    expect(await rest(owner, "GET", `/projects/${project.slug}/budget`)).toEqual({ status: 200, json: { budget: null } });
    const put = await rest(owner, "PUT", `/projects/${project.slug}/budget`, { amount: "400", until: "2099-06-30", policy: "stop" });
    expect(put.status).toBe(200);
    expect(put.json.budget).toMatchObject({ amount: { amount: "400.00" }, period: "until", policy: "stop", spent: { amount: "0.00" } });
    expect((await rest(owner, "PUT", "/budget", { amount: "9" })).status).toBe(403);
    expect((await rest(director, "PUT", "/budget", { amount: "9000" })).json.budget.amount.amount).toBe("9000.00");
    expect((await rest(director, "GET", "/budget")).json.budget.scope).toBe("lab");
  });
});

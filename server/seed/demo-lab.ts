// The demo lab `npm run demo` starts with: a director, two researchers, an external
// collaborator, and two projects with members, files and a notebook. Seeded once; later starts
// keep whatever the people did.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProjectRole } from "@prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db, Prisma } from "../db/client";
import { createApiToken, hashToken } from "../tokens/api-tokens";
import { snapshotProjectFiles } from "../queue/snapshots";
import { seedDemoCosts } from "./demo-costs";
import { setProjectBudget, spendBetween } from "../costs/budgets";
import { seedDemoDatasets } from "./demo-datasets/seed";
import { DEMO_PEOPLE, DEMO_TOKEN_OWNER } from "./demo-people";

type Key = (typeof DEMO_PEOPLE)[number]["key"];

const PROJECTS: {
  slug: string;
  name: string;
  description: string;
  members: [Key, ProjectRole][];
}[] = [
  {
    slug: "demo",
    name: "Protein stability",
    description: "Predicting melting temperatures of protein variants from sequence features.",
    members: [["ana", "owner"], ["ben", "editor"], ["helen", "viewer"], ["chen", "viewer"]],
  },
  {
    slug: "vision-baselines",
    name: "Vision baselines",
    description: "ResNet baselines on microscopy crops.",
    members: [["ben", "owner"], ["ana", "viewer"]],
  },
];

const FILES_DIR = fileURLToPath(new URL("./demo-files", import.meta.url));

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Seeds the demo lab unless it is there already. Returns whether it seeded. */
export async function seedDemoLab(): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_PEOPLE[0].email }, select: { id: true } })) {
    await seedDemoDatasets(); // a demo seeded before datasets existed gets them too
    await seedDemoCostHistory(); // and one seeded before costs its rates and history, unless it has a ledger
    return false;
  }
  const ids = {} as Record<Key, string>;
  for (const p of DEMO_PEOPLE) {
    const user = await db.user.upsert({
      where: { email: p.email },
      create: { email: p.email, name: p.name, labRole: p.labRole, external: p.external, affiliation: p.affiliation, emailVerified: new Date() },
      update: {},
      select: { id: true },
    });
    ids[p.key] = user.id;
  }
  for (const spec of PROJECTS) {
    const files = await listFiles(path.join(FILES_DIR, spec.slug));
    const owner = ids[spec.members[0]![0]];
    await db.$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          slug: spec.slug,
          name: spec.name,
          description: spec.description,
          members: { create: spec.members.map(([key, role]) => ({ userId: ids[key], role })) },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, { actorId: owner, projectId: project.id, action: "project.created", target: spec.name });
      for (const [key, role] of spec.members.slice(1)) {
        const email = DEMO_PEOPLE.find((p) => p.key === key)!.email;
        await recordAuditEvent(tx, { actorId: owner, projectId: project.id, action: "member.added", target: email, data: { role } });
      }
      for (const rel of files) {
        const content = await fs.readFile(path.join(FILES_DIR, spec.slug, rel));
        await tx.file.create({
          data: { projectId: project.id, path: rel, content, sizeBytes: content.length, updatedById: owner },
        });
        await recordAuditEvent(tx, { actorId: owner, projectId: project.id, action: "file.created", target: rel });
      }
    });
  }
  await seedDemoDatasets();
  await seedDemoCostHistory();
  return true;
}

/**
 * The demo's rates and five weeks of past jobs (server/seed/demo-costs.ts): Ana and Ben on
 * "demo", Ben on "vision-baselines", each job from a snapshot of the project's files. Once only.
 */
export async function seedDemoCostHistory(): Promise<{ jobs: number; ms: number }> {
  const started = performance.now();
  if (await db.job.findFirst({ where: { seeded: true }, select: { id: true } })) return { jobs: 0, ms: 0 };
  const people = await db.user.findMany({ where: { email: { in: DEMO_PEOPLE.map((p) => p.email) } }, select: { id: true, email: true } });
  const id = (key: Key) => people.find((p) => p.email === DEMO_PEOPLE.find((d) => d.key === key)!.email)?.id;
  const [ana, ben, helen] = [id("ana"), id("ben"), id("helen")];
  const projects = await db.project.findMany({ where: { slug: { in: ["demo", "vision-baselines"] } }, select: { id: true, slug: true } });
  const demo = projects.find((p) => p.slug === "demo");
  const vision = projects.find((p) => p.slug === "vision-baselines");
  if (!ana || !ben || !demo || !vision) return { jobs: 0, ms: 0 }; // people renamed or projects removed: nothing to seed for
  const [demoSnapshot, visionSnapshot] = [await snapshotProjectFiles({ actorId: ana, projectSlug: "demo" }), await snapshotProjectFiles({ actorId: ben, projectSlug: "vision-baselines" })];
  const jobs = await seedDemoCosts({
    directorId: helen ?? null,
    streams: [
      { projectId: demo.id, userId: ana, snapshotId: demoSnapshot, kind: "protein", busy: 3 },
      { projectId: demo.id, userId: ben, snapshotId: demoSnapshot, kind: "protein", busy: 2 },
      { projectId: vision.id, userId: ben, snapshotId: visionSnapshot, kind: "vision", busy: 3 },
    ],
  });
  if (jobs && helen) await seedDemoBudgets({ directorId: helen, demo, vision });
  return { jobs, ms: Math.round(performance.now() - started) };
}

/**
 * Budgets the director set, so "budget vs actual" and the forecast have something to say on a fresh
 * demo (the lab's own is left for her to set): "demo" monthly, a fifth over last month's spend (its
 * pace lands near it); "vision-baselines" a grant from the start of its history to four months on,
 * past half of it spent already, so its 50 % notice reaches Ben and Helen at the first budget check. Through the budgets' own function (and
 * its audit events), as Helen would in the app.
 */
async function seedDemoBudgets(args: { directorId: string; demo: { id: string; slug: string }; vision: { id: string; slug: string } }) {
  if ((await db.budget.count({ where: { projectId: { in: [args.demo.id, args.vision.id] } } })) > 0) return;
  const now = new Date();
  const ymd = (d: Date) => d.toISOString().slice(0, 10);
  const grantStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
  const grantEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 4, 0));
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  // Round figures (in 50s) near what the history spent: last month's plus a fifth, and the grant's spend
  // so far x 1.8 rounded down, so more than 55 % of it is spent.
  const round = (d: Prisma.Decimal, times: number, way: "ceil" | "floor") => Prisma.Decimal.max(50, d.times(times).div(50)[way]().times(50)).toFixed(0);
  const [demoLastMonth, visionSoFar] = await Promise.all([spendBetween(args.demo.id, lastMonth, thisMonth), spendBetween(args.vision.id, grantStart, now)]);
  await setProjectBudget({ actorId: args.directorId, projectSlug: args.demo.slug, amount: round(demoLastMonth, 1.2, "ceil"), policy: "warn" });
  await setProjectBudget({ actorId: args.directorId, projectSlug: args.vision.slug, amount: round(visionSoFar, 1.8, "floor"), startsAt: ymd(grantStart), until: ymd(grantEnd), policy: "hold" });
}

/**
 * The demo researcher's API token: the one in `tokenFile` if it still works, otherwise a new
 * one, written there (mode 0600) so the CLI finds it.
 */
export async function ensureDemoToken(tokenFile: string): Promise<string> {
  const existing = await fs.readFile(tokenFile, "utf8").then((s) => s.trim(), () => "");
  if (existing) {
    const row = await db.apiToken.findUnique({
      where: { tokenHash: hashToken(existing) },
      select: { revokedAt: true, user: { select: { email: true } } },
    });
    if (row && !row.revokedAt && row.user.email === DEMO_TOKEN_OWNER) return existing;
  }
  const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_TOKEN_OWNER }, select: { id: true } });
  const { token } = await createApiToken({ actorId: owner.id, name: "demo (printed by npm run demo)" });
  await fs.writeFile(tokenFile, token + "\n", { mode: 0o600 });
  return token;
}

/**
 * The demo's local agent ("local", pool "lab"): its token from `tokenFile` when it still works,
 * else a fresh agent row and token written there (mode 0600).
 */
export async function ensureLocalAgent(tokenFile: string): Promise<string> {
  const { authenticateAgent, createAgent, rotateAgentToken } = await import("../queue/agents");
  const existing = await fs.readFile(tokenFile, "utf8").then((s) => s.trim(), () => "");
  if (existing && (await authenticateAgent(existing))) return existing;
  const known = await db.agent.findUnique({ where: { name: "local" }, select: { id: true } });
  const { token } = known ? await rotateAgentToken("local") : await createAgent({ actorId: null, name: "local" });
  await fs.writeFile(tokenFile, token + "\n", { mode: 0o600 });
  return token;
}

import type { LabRole } from "@prisma/client";

// The people of the demo lab. Demo sign-in (demo mode only) accepts exactly these.
export const DEMO_PEOPLE = [
  { key: "helen", email: "helen.park@demo.benchtop.dev", name: "Helen Park", labRole: "director", external: false, affiliation: "Lab director" },
  { key: "ana", email: "ana.souza@demo.benchtop.dev", name: "Ana Souza", labRole: "researcher", external: false, affiliation: "PhD student" },
  { key: "ben", email: "ben.okafor@demo.benchtop.dev", name: "Ben Okafor", labRole: "researcher", external: false, affiliation: "Postdoc" },
  { key: "chen", email: "chen.wei@partner-lab.demo.benchtop.dev", name: "Chen Wei", labRole: "researcher", external: true, affiliation: "Partner lab, Singapore" },
] as const satisfies readonly { key: string; email: string; name: string; labRole: LabRole; external: boolean; affiliation: string }[];

export const DEMO_EMAILS: readonly string[] = DEMO_PEOPLE.map((p) => p.email);
/** The researcher whose API token the demo prints. */
export const DEMO_TOKEN_OWNER = "ana.souza@demo.benchtop.dev";


/** The seeded people as demo sign-in offers them (demo mode only). */
export async function listDemoPeople(): Promise<{ id: string; name: string; email: string; labRole: LabRole; external: boolean; affiliation: string | null }[]> {
  const { db } = await import("../db/client");
  const rows = await db.user.findMany({
    where: { email: { in: DEMO_PEOPLE.map((p) => p.email) } },
    select: { id: true, name: true, email: true, labRole: true, external: true, affiliation: true },
  });
  const order = DEMO_PEOPLE.map((p) => p.email as string);
  return rows
    .map((r) => ({ ...r, name: r.name ?? r.email }))
    .sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email));
}

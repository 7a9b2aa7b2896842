import type { Command } from "commander";
import { answer, CliError, rest, type Answer } from "../client";
import { resolveConfig, type CliConfig } from "../config";
import { printTable, relativeTime } from "../table";

type Store = Answer<"/data-stores", "get">["stores"][number];
type Share = Answer<"/data-stores/{storeId}/shares", "get">["shares"][number];

async function storeNamed(c: CliConfig, name: string): Promise<Store> {
  const { stores } = await answer(rest(c).GET("/data-stores"));
  const store = stores.find((s) => s.name === name);
  if (!store) throw new CliError(`There is no data store named "${name}" (benchtop stores lists them).`);
  return store;
}

/** Only lab admins are told where a store is; others see its kind. */
const whereIs = (s: Store) => (s.kind === "local" ? ("localRoot" in s ? s.localRoot : null) ?? "-" : ("endpoint" in s ? s.endpoint : null) ?? "AWS S3");

/** "lab/imaging/2026" -> bucket "lab", prefix "imaging/2026". */
function splitLocation(location: string): { bucket: string; prefix: string } {
  const [bucket, ...folders] = location.replace(/^\/+/, "").split("/");
  if (!bucket) throw new CliError(`"${location}" names no bucket: give BUCKET or BUCKET/FOLDER.`, 2);
  return { bucket, prefix: folders.join("/") };
}

export function registerStoreCommands(program: Command) {
  const config = () => resolveConfig(program.opts());
  const stores = program.command("stores").description("The lab's data stores; share a location with a project (admins and directors)");

  stores
    .command("list", { isDefault: true })
    .description("The data stores datasets live on")
    .option("--json", "print JSON")
    .action(async (opts) => {
      const { stores: rows } = await answer(rest(await config()).GET("/data-stores"));
      if (opts.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      if (!rows.length) return void process.stdout.write("No data stores yet. A lab admin adds one under Data stores.\n");
      printTable(
        ["NAME", "KIND", "WHERE", "DATASETS"],
        rows.map((s) => [s.name, s.kind, whereIs(s), "datasetCount" in s ? String(s.datasetCount) : "-"]),
      );
    });

  stores
    .command("shares")
    .description("Locations shared with a project, so its datasets may overlap another project's there")
    .argument("[store]", "only this store's")
    .option("--json", "print JSON")
    .action(async (name: string | undefined, opts) => {
      const c = await config();
      const store = name ? await storeNamed(c, name) : null;
      const { stores: all } = store ? { stores: [store] } : await answer(rest(c).GET("/data-stores"));
      const shares: Share[] = [];
      for (const s of all) shares.push(...(await answer(rest(c).GET("/data-stores/{storeId}/shares", { params: { path: { storeId: s.id } } }))).shares);
      if (opts.json) return void process.stdout.write(JSON.stringify(shares, null, 2) + "\n");
      if (!shares.length) return void process.stdout.write("No location is shared: every dataset's folder belongs to its own project.\n");
      printTable(
        ["ID", "STORE", "LOCATION", "PROJECT", "BY", "WHEN"],
        shares.map((s) => [s.id, s.store.name, `${s.bucket}/${s.prefix}`, s.project.slug, s.grantedBy?.name ?? s.grantedBy?.email ?? "-", relativeTime(s.createdAt)]),
      );
    });

  stores
    .command("share")
    .description("Let a project add datasets at BUCKET[/FOLDER] of STORE although another project's dataset covers it (audited)")
    .argument("<store>", "the store's name")
    .argument("<location>", "BUCKET or BUCKET/FOLDER")
    .requiredOption("-p, --project <slug>", "the project to share it with")
    .action(async (name: string, location: string, opts) => {
      const c = await config();
      const store = await storeNamed(c, name);
      const share = await answer(rest(c).POST("/data-stores/{storeId}/shares", { params: { path: { storeId: store.id } }, body: { ...splitLocation(location), project: opts.project } }));
      process.stdout.write(`Shared ${share.store.name}:${share.bucket}/${share.prefix} with ${share.project.slug} (${share.id}).\n`);
    });

  stores
    .command("unshare")
    .description("Stop sharing a location (refused while the project's datasets there need it)")
    .argument("<store>", "the store's name")
    .argument("<share-id>", "from benchtop stores shares")
    .action(async (name: string, id: string) => {
      const c = await config();
      const store = await storeNamed(c, name);
      await answer(rest(c).DELETE("/data-stores/{storeId}/shares/{shareId}", { params: { path: { storeId: store.id, shareId: id } } }));
      process.stdout.write(`Stopped sharing ${id}.\n`);
    });
}

// `benchtop submit --data NAME[:VERSION][@MODE]` (repeatable): attach a dataset to the job.
//   --data imagenet-mini            the dataset as it is now (frozen at submit), copied before the job starts
//   --data imagenet-mini:3          its version 3 (a snapshot), exactly
//   --data imagenet-mini@stream     the job starts at once; files arrive while it runs
//   --data imagenet-mini:3@stream   both
import { CliError } from "./client";

export type DataAttachment = { name: string; version: number | null; mode: "copy" | "stream" };

const SYNTAX = /^([a-z0-9][a-z0-9_-]*)(?::(\d+|latest))?(?:@(copy|stream))?$/;

export function parseDataOption(value: string): DataAttachment {
  const match = SYNTAX.exec(value.trim());
  if (!match) {
    throw new CliError(
      `--data "${value}" is not NAME[:VERSION][@stream] (e.g. imagenet-mini, imagenet-mini:3, imagenet-mini@stream); dataset names are lowercase letters, digits, - and _.`,
      2,
    );
  }
  const [, name, version, mode] = match;
  const n = version && version !== "latest" ? Number(version) : null;
  if (n !== null && n < 1) throw new CliError(`--data "${value}": versions start at 1.`, 2);
  return { name: name!, version: n, mode: (mode as "copy" | "stream" | undefined) ?? "copy" };
}

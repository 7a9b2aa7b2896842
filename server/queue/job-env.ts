// Who reads a job's variables, and what a re-run keeps of them.
//   - Values given at submit are the author's (the submitter, see envAuthorId): shown to the author,
//     the project's owners and lab directors; everyone else gets the names, each value null.
//   - Secret variables (--secret-env) are shown to nobody: names only. The agent gets the values.
//   - A re-run may keep values its submitter cannot read (null in `env` / `secretEnv`, or secretEnv
//     left out). It then runs the same command on the same files with the same variables, so
//     it cannot be turned into `echo $TOKEN`; the values stay their author's.
import type { LabRole, ProjectRole } from "@prisma/client";
import { AppError } from "../errors";
import { isDirector } from "../users/users";
import { decryptSecretEnv, encryptSecretEnv, SecretEnvUnreadableError } from "./secret-env";

export type EnvOwner = { envAuthorId: string | null; submittedById: string };
export type EnvReader = { id: string; role: ProjectRole; labRole: LabRole };

export function mayReadEnv(job: EnvOwner, reader: EnvReader): boolean {
  return reader.id === (job.envAuthorId ?? job.submittedById) || reader.role === "owner" || isDirector(reader.labRole);
}

/** The job's variables as `reader` may see them: every name, the values only when allowed. */
export function envView(job: EnvOwner & { env: Record<string, string> }, reader: EnvReader): { env: Record<string, string | null>; envMasked: boolean } {
  if (mayReadEnv(job, reader)) return { env: job.env, envMasked: false };
  return { env: Object.fromEntries(Object.keys(job.env).map((k) => [k, null])), envMasked: Object.keys(job.env).length > 0 };
}

export type RerunSource = EnvOwner & {
  command: string;
  snapshotId: string;
  notebookPath: string | null;
  env: Record<string, string>;
  secretEnv: Uint8Array | null;
  secretEnvNames: string[];
};

export type ResolvedEnv = { env: Record<string, string>; envAuthorId: string; secretEnv: Uint8Array<ArrayBuffer> | null; secretEnvNames: string[] };

/**
 * The variables a new job gets. `given` values and secrets that are null keep the re-run job's
 * value (an error without one); `givenSecrets` left out on a re-run keeps all its secrets.
 */
export function resolveEnv(args: {
  actor: EnvReader;
  given: Record<string, string | null>;
  givenSecrets: Record<string, string | null> | undefined;
  original: RerunSource | null;
  /** What the new job will run, to compare with the original's when hidden values are kept. */
  run: { command: string; snapshotId: string; notebookPath: string | null };
}): ResolvedEnv {
  const { given, original } = args;
  const both = Object.keys(given).find((k) => args.givenSecrets && k in args.givenSecrets);
  if (both) throw new AppError("BAD_REQUEST", `${both} is given both as a variable and as a secret; give it once.`, { secretEnv: [`${both} is also a variable`] });
  const keep = (name: string, kind: "variable" | "secret", has: boolean) => {
    if (!original) throw new AppError("BAD_REQUEST", `${name} has no value: give one (a value can be kept only when re-running a job).`, { env: [`${name} has no value`] });
    if (!has) throw new AppError("BAD_REQUEST", `${name} has no value to keep: the job it re-runs has no ${kind} ${name}.`, { env: [`${name} has no value to keep`] });
  };

  const env: Record<string, string> = {};
  const hidden: string[] = [];
  const canRead = original ? mayReadEnv(original, args.actor) : true;
  for (const [name, value] of Object.entries(given)) {
    if (value !== null) {
      env[name] = value;
      continue;
    }
    keep(name, "variable", Boolean(original && name in original.env));
    env[name] = original!.env[name]!;
    if (!canRead) hidden.push(name);
  }

  const secrets: Record<string, string> = {};
  const keptSecrets = args.givenSecrets === undefined ? (original?.secretEnvNames ?? []) : Object.keys(args.givenSecrets).filter((k) => args.givenSecrets![k] === null);
  for (const name of keptSecrets) keep(name, "secret", Boolean(original?.secretEnvNames.includes(name)));
  if (keptSecrets.length) {
    let old: Record<string, string>;
    try {
      old = decryptSecretEnv(original!.secretEnv!);
    } catch (e) {
      if (e instanceof SecretEnvUnreadableError) throw new AppError("BAD_REQUEST", `The secret variables of the job it re-runs cannot be read (BENCHTOP_SECRET_KEY changed since); give ${keptSecrets.join(", ")} again.`);
      throw e;
    }
    for (const name of keptSecrets) secrets[name] = old[name]!;
    // Nobody can read a secret but the person who typed it.
    if (args.actor.id !== (original!.envAuthorId ?? original!.submittedById)) hidden.push(...keptSecrets);
  }
  for (const [name, value] of Object.entries(args.givenSecrets ?? {})) if (value !== null) secrets[name] = value;

  if (hidden.length) assertSameRun(original!, args.run, env, Object.keys(secrets), hidden);
  const names = Object.keys(secrets).sort();
  return {
    env,
    envAuthorId: hidden.length ? (original!.envAuthorId ?? original!.submittedById) : args.actor.id,
    secretEnv: names.length ? encryptSecretEnv(secrets) : null,
    secretEnvNames: names,
  };
}

function assertSameRun(original: RerunSource, run: { command: string; snapshotId: string; notebookPath: string | null }, env: Record<string, string>, secretNames: string[], hidden: string[]) {
  const sameEnv = JSON.stringify(Object.entries(env).sort()) === JSON.stringify(Object.entries(original.env).sort());
  const sameSecrets = JSON.stringify([...secretNames].sort()) === JSON.stringify([...original.secretEnvNames].sort());
  const same = run.command === original.command && run.snapshotId === original.snapshotId && (run.notebookPath ?? original.notebookPath) === original.notebookPath;
  if (same && sameEnv && sameSecrets) return;
  throw new AppError(
    "BAD_REQUEST",
    `This re-run keeps values you cannot see (${[...hidden].sort().join(", ")}), so it must run the same command on the same files with the same variables; to change those, give the values yourself.`,
    { env: ["keeps values you cannot see"] },
  );
}

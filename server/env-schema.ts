// The shape of Benchtop's environment, and the one sentence a bad value gets. Pure: the start
// script checks the environment with this before anything reads it (see env.ts).
import path from "node:path";
import { z } from "zod";
import { forbiddenLocalFolder, splitRoots } from "./storage/local-folder-rules";

const port = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgres:// or postgresql:// URL");

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

/** A comma-separated list, trimmed and lower-cased; each entry must pass `valid`. */
const commaList = (valid: RegExp, message: (entry: string) => string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const entries = (v ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
      const bad = entries.find((e) => !valid.test(e));
      if (bad !== undefined) ctx.addIssue({ code: "custom", message: message(bad) });
      return entries;
    });

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const perWindow = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(10_000, "must be at most 10000");

export const ZEnv = z
  .object({
    /** demo: seeded lab and one-click sign-in; development: dev mailbox; production: neither. */
    BENCHTOP_MODE: z.enum(["demo", "development", "production"]).default("production"),
    /** Benchtop's data folder: embedded PostgreSQL, generated secrets, the demo token. */
    BENCHTOP_HOME: z.string().min(1).default(".benchtop"),
    PORT: port.default(3000),
    /** Interface to listen on: 127.0.0.1 in demo and development (see parseEnv), else every one. */
    HOST: optional(z.string().min(1)),
    /** The URL people use to reach Benchtop; sign-in links point here. */
    BENCHTOP_URL: optional(z.url({ error: "must be a full URL such as https://benchtop.lab.example" })),
    DATABASE_URL: optional(postgresUrl),
    AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)")),
    SMTP_URL: optional(
      z.string().refine((v) => /^smtps?:\/\/.+/.test(v), "must be an smtp:// or smtps:// URL"),
    ),
    EMAIL_FROM: z.string().min(3).default("Benchtop <benchtop@localhost>"),
    OIDC_ISSUER: optional(z.url({ error: "must be the issuer URL of your OpenID Connect provider" })),
    OIDC_CLIENT_ID: optional(z.string()),
    OIDC_CLIENT_SECRET: optional(z.string()),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    AUTH_GITHUB_ID: optional(z.string()),
    AUTH_GITHUB_SECRET: optional(z.string()),
    AUTH_GOOGLE_ID: optional(z.string()),
    AUTH_GOOGLE_SECRET: optional(z.string()),
    /** invite: only addresses the lab knows get in (server/auth/sign-in-policy.ts); open: anyone, as an external. */
    BENCHTOP_SIGNUP: z.enum(["invite", "open"]).default("invite"),
    /** Addresses of these domains, or of their subdomains, may sign in (and start as lab members). */
    BENCHTOP_ALLOWED_EMAIL_DOMAINS: commaList(
      DOMAIN,
      (e) => `must be a comma-separated list of domains such as lab.example,uni.example ("${e}" is not a domain)`,
    ),
    /** These addresses may always sign in, and are lab admins whenever they do: a fresh install's first admin. */
    BENCHTOP_ADMIN_EMAILS: commaList(EMAIL, (e) => `must be a comma-separated list of email addresses ("${e}" is not one)`),
    /** Sign-in links one address may be sent per 15 minutes. */
    BENCHTOP_SIGNIN_LIMIT_PER_ADDRESS: perWindow.default(5),
    /** Sign-in links one client (network address) may ask for per 15 minutes, whatever the addresses. */
    BENCHTOP_SIGNIN_LIMIT_PER_CLIENT: perWindow.default(30),
    /** Behind a reverse proxy that appends the client to X-Forwarded-For: take the client from there. */
    BENCHTOP_TRUST_PROXY: z
      .enum(["true", "false", "1", "0"], { error: "must be true or false" })
      .default("false")
      .transform((v) => v === "true" || v === "1"),
    /** An agent silent this long loses its leases: its attempts end `lost` and are requeued. */
    BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS: z.coerce
      .number({ error: "must be a number of seconds" })
      .int("must be a whole number of seconds")
      .min(2, "must be at least 2 seconds")
      .max(3600, "must be at most 3600 seconds")
      .default(30),
    /** A kernel with no execution for this long is shut down (a running cell is never idle). */
    BENCHTOP_KERNEL_IDLE_SECONDS: z.coerce
      .number({ error: "must be a number of seconds" })
      .int("must be a whole number of seconds")
      .min(1, "must be at least 1 second")
      .default(1800),
    /** How many kernels one person may have running at once. */
    BENCHTOP_KERNELS_PER_USER: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").default(4),
    /** Memory limit of one kernel process, in MiB. */
    BENCHTOP_KERNEL_MEMORY_MB: z.coerce.number({ error: "must be a whole number of MiB" }).int("must be a whole number of MiB").min(256, "must be at least 256").default(8192),
    /** auto: bubblewrap when it is installed and works; bwrap: require it; none: no sandbox (development only). */
    BENCHTOP_KERNEL_SANDBOX: z.enum(["auto", "bwrap", "none"]).default("auto"),
    /** The unprivileged user kernels run as when Benchtop runs as root. */
    BENCHTOP_KERNEL_USER: z.string().min(1).default("nobody"),
    /** Extra Jupyter data directories (kernelspecs in <dir>/kernels), searched before the standard ones. */
    JUPYTER_PATH: optional(z.string()),
    /**
     * Where snapshots, checkpoints, artifacts and file versions go: unset = BENCHTOP_HOME/storage;
     * s3://bucket/prefix?endpoint=URL&region=R&path_style=true for an S3-compatible store
     * (credentials from BENCHTOP_S3_ACCESS_KEY_ID and BENCHTOP_S3_SECRET_ACCESS_KEY).
     */
    BENCHTOP_STORAGE_URL: optional(z.string().refine((v) => /^s3:\/\/[a-z0-9.-]{3,63}(\/.*)?$/.test(v), "must be s3://bucket[/prefix][?endpoint=URL&region=R&path_style=true]")),
    BENCHTOP_S3_ACCESS_KEY_ID: optional(z.string()),
    BENCHTOP_S3_SECRET_ACCESS_KEY: optional(z.string()),
    /**
     * Folders local data stores may be rooted under (colon- or comma-separated absolute paths);
     * unset = BENCHTOP_HOME/datasets. Never /, BENCHTOP_HOME or a folder around it.
     */
    BENCHTOP_LOCAL_STORE_ROOTS: optional(z.string()),
    /** Key for data-store credentials at rest (32+ characters); derived from AUTH_SECRET when unset. */
    BENCHTOP_SECRET_KEY: optional(z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)")),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((e, ctx) => {
    const pairs = [
      ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
      ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
      ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ] as const;
    for (const group of pairs) {
      const set = group.filter((k) => e[k] !== undefined);
      if (set.length > 0 && set.length < group.length) {
        const missing = group.find((k) => e[k] === undefined)!;
        ctx.addIssue({ code: "custom", path: [missing], message: `is required when ${set.join(" and ")} is set` });
      }
    }
  });

/**
 * The server's secrets: never passed to an agent, a job, a kernel, a browser or a log. Child
 * processes are better given an environment built from nothing; where one is inherited, these go.
 */
export const SECRET_ENV_NAMES = [
  "DATABASE_URL",
  "AUTH_SECRET",
  "SMTP_URL",
  "OIDC_CLIENT_SECRET",
  "AUTH_GITHUB_SECRET",
  "AUTH_GOOGLE_SECRET",
  "BENCHTOP_S3_ACCESS_KEY_ID",
  "BENCHTOP_S3_SECRET_ACCESS_KEY",
  "BENCHTOP_SECRET_KEY",
] as const;

/** `source` without the server's secrets. */
export function withoutSecrets<T extends Record<string, string | undefined>>(source: T): T {
  const copy = { ...source };
  for (const name of SECRET_ENV_NAMES) delete copy[name];
  return copy;
}

export type Env = Omit<z.infer<typeof ZEnv>, "HOST"> & {
  HOST: string;
  /** BENCHTOP_HOME as an absolute path. */
  home: string;
  /** The public base URL, without a trailing slash. */
  baseUrl: string;
  /** BENCHTOP_LOCAL_STORE_ROOTS as absolute paths (as given; symlinks are resolved when a store is checked). */
  localStoreRoots: string[];
};

/** Thrown (and printed as one sentence) when the environment is not usable. */
export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const value = source[name];
    const shown = value === undefined ? "" : ` (got "${value.length > 40 ? value.slice(0, 40) + "..." : value}")`;
    const message = issue.message.startsWith("Invalid option")
      ? `must be one of ${(issue as { values?: unknown[] }).values?.join(", ") ?? "the allowed values"}`
      : issue.message;
    throw new EnvError(`Environment variable ${name} ${message}${shown}.`);
  }
  const e = result.data;
  if (e.BENCHTOP_MODE === "production" && !e.AUTH_SECRET) {
    throw new EnvError(
      "Environment variable AUTH_SECRET is required in production (at least 32 characters; try `openssl rand -base64 32`).",
    );
  }
  const home = path.resolve(e.BENCHTOP_HOME);
  const baseUrl = (e.BENCHTOP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  // Demo and development keep the dev mailbox (anyone who reaches it reads sign-in links) and
  // demo's one-click sign-in: reachable from this machine only, unless HOST says otherwise.
  const HOST = e.HOST ?? (e.BENCHTOP_MODE === "production" ? "0.0.0.0" : "127.0.0.1");
  return { ...e, HOST, home, baseUrl, localStoreRoots: localStoreRoots(e.BENCHTOP_LOCAL_STORE_ROOTS, home) };
}

/** The allowed roots of local stores, each checked here so a bad list stops the start in one sentence. */
export function localStoreRoots(value: string | undefined, home: string): string[] {
  if (value === undefined) return [path.join(home, "datasets")];
  const roots = splitRoots(value);
  if (roots.length === 0) throw new EnvError("Environment variable BENCHTOP_LOCAL_STORE_ROOTS lists no folder; leave it unset for BENCHTOP_HOME/datasets.");
  return roots.map((root) => {
    if (!path.isAbsolute(root)) throw new EnvError(`Environment variable BENCHTOP_LOCAL_STORE_ROOTS must list absolute paths, not "${root}".`);
    const resolved = path.resolve(root);
    const why = forbiddenLocalFolder(resolved, home);
    if (why) throw new EnvError(`Environment variable BENCHTOP_LOCAL_STORE_ROOTS cannot list ${resolved}: ${why}.`);
    return resolved;
  });
}


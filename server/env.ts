// The one place that reads process.env. Validated once, at import; a bad or missing value stops
// the process with one sentence naming the variable (scripts/start.ts checks it first with
// parseEnv and prints that sentence). Everything else imports `env` from here.
import path from "node:path";
import { parseEnv, ZEnv, type Env } from "./env-schema";

export type { Env };

// `next build` imports server modules to collect page data; nothing is served then, so the
// environment of the build machine is not checked.
const building = process.env.NEXT_PHASE === "phase-production-build";

export const env: Env = building
  ? { ...ZEnv.parse({}), HOST: "0.0.0.0", home: path.resolve(".benchtop"), baseUrl: "http://localhost:3000", localStoreRoots: [path.resolve(".benchtop", "datasets")] }
  : parseEnv(process.env);

export const isDemo = env.BENCHTOP_MODE === "demo";
/** Where mail goes to the dev mailbox instead of an SMTP server. Never in production. */
export const usesDevMailbox = env.BENCHTOP_MODE !== "production" && !env.SMTP_URL;
/** Next's dev server (npm run dev), not a production build in development mode. */
export const isNextDev = process.env.NODE_ENV === "development";

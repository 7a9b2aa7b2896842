// Structured logs (pino). A request's logger carries its request id; secrets are redacted by
// key wherever they would appear.
import pino from "pino";
import { env } from "./env";
import { SECRET_ENV_NAMES } from "./env-schema";

export const log = pino({
  level: env.LOG_LEVEL,
  base: { app: "benchtop" },
  redact: {
    paths: [
      "*.password",
      "*.token",
      "*.secret",
      "*.authorization",
      "*.cookie",
      "req.headers.authorization",
      "req.headers.cookie",
      ...SECRET_ENV_NAMES,
      ...SECRET_ENV_NAMES.map((name) => `*.${name}`),
    ],
    censor: "[redacted]",
  },
});

export type Logger = pino.Logger;

export function requestLogger(requestId: string): Logger {
  return log.child({ requestId });
}

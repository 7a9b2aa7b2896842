// What the demo server holds secret: the generated ones read from its data folder (see
// playwright.config.ts), and the key for data-store credentials and signed storage URLs, which
// the config hands the demo server.
import fs from "node:fs";
import path from "node:path";

export const DEMO_SECRET_KEY = "e2e-demo-secret-key-5f0c9a7e2b41d8f3a6c0e9b7";

export function demoSecrets(): string[] {
  const home = path.join(process.env.E2E_RUN_DIR!, "demo");
  return [...["auth-secret", "postgres-password"].map((f) => fs.readFileSync(path.join(home, f), "utf8").trim()), DEMO_SECRET_KEY];
}

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../server/env-schema";

const demo = { BENCHTOP_MODE: "demo" };

describe("environment", () => {
  it("takes the embedded defaults", () => {
    const env = parseEnv(demo);
    expect(env).toMatchObject({ PORT: 3000, baseUrl: "http://localhost:3000" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.home).toMatch(/\.benchtop$/);
  });

  it.each([
    [{ PORT: "eighty" }, "Environment variable PORT must be a whole number"],
    [{ PORT: "70000" }, "Environment variable PORT must be between 1 and 65535"],
    [{ DATABASE_URL: "mysql://db/benchtop" }, "Environment variable DATABASE_URL must be a postgres:// or postgresql:// URL"],
    [{ BENCHTOP_MODE: "staging" }, "Environment variable BENCHTOP_MODE must be one of demo, development, production"],
    [{ BENCHTOP_URL: "benchtop.lab" }, "Environment variable BENCHTOP_URL must be a full URL"],
    [{ OIDC_ISSUER: "https://sso.uni.example" }, "Environment variable OIDC_CLIENT_ID is required when OIDC_ISSUER is set"],
    [{ AUTH_SECRET: "short" }, "Environment variable AUTH_SECRET must be at least 32 characters"],
  ])("refuses %o with one sentence naming the variable", (vars, sentence) => {
    expect(() => parseEnv({ ...demo, ...vars })).toThrow(EnvError);
    expect(() => parseEnv({ ...demo, ...vars })).toThrow(sentence);
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => parseEnv({ BENCHTOP_MODE: "production" })).toThrow(/AUTH_SECRET is required in production/);
  });

  it("stops `npm start` with that sentence before touching anything", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--demo"], {
      encoding: "utf8",
      env: { ...process.env, PORT: "not-a-port", BENCHTOP_MODE: "demo", DATABASE_URL: "" },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Benchtop cannot start: Environment variable PORT must be a whole number (got \"not-a-port\").");
    expect(result.stdout).not.toContain("embedded PostgreSQL");
  });
});

describe("sign-in settings", () => {
  it("listens on 127.0.0.1 in demo and development unless HOST says otherwise, on every interface in production", () => {
    expect(parseEnv(demo).HOST).toBe("127.0.0.1");
    expect(parseEnv({ BENCHTOP_MODE: "development" }).HOST).toBe("127.0.0.1");
    expect(parseEnv({ ...demo, HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(parseEnv({ BENCHTOP_MODE: "production", AUTH_SECRET: "x".repeat(32) }).HOST).toBe("0.0.0.0");
  });

  it("reads the sign-in policy", () => {
    const env = parseEnv({ ...demo, BENCHTOP_ALLOWED_EMAIL_DOMAINS: " Lab.Example, uni.example ", BENCHTOP_ADMIN_EMAILS: "Ana@Lab.Example" });
    expect(env).toMatchObject({ BENCHTOP_SIGNUP: "invite", BENCHTOP_ALLOWED_EMAIL_DOMAINS: ["lab.example", "uni.example"], BENCHTOP_ADMIN_EMAILS: ["ana@lab.example"] });
    expect(parseEnv(demo)).toMatchObject({ BENCHTOP_ALLOWED_EMAIL_DOMAINS: [], BENCHTOP_ADMIN_EMAILS: [] });
    expect(parseEnv({ ...demo, BENCHTOP_SIGNUP: "open" }).BENCHTOP_SIGNUP).toBe("open");
  });

  it.each([
    [{ BENCHTOP_SIGNUP: "anyone" }, "Environment variable BENCHTOP_SIGNUP must be one of invite, open"],
    [{ BENCHTOP_ALLOWED_EMAIL_DOMAINS: "lab.example,@uni" }, 'Environment variable BENCHTOP_ALLOWED_EMAIL_DOMAINS must be a comma-separated list of domains such as lab.example,uni.example ("@uni" is not a domain)'],
    [{ BENCHTOP_ADMIN_EMAILS: "ana" }, 'Environment variable BENCHTOP_ADMIN_EMAILS must be a comma-separated list of email addresses ("ana" is not one)'],
    [{ BENCHTOP_SIGNIN_LIMIT_PER_ADDRESS: "0" }, "Environment variable BENCHTOP_SIGNIN_LIMIT_PER_ADDRESS must be at least 1"],
  ])("refuses %o with one sentence naming the variable", (vars, sentence) => {
    expect(() => parseEnv({ ...demo, ...vars })).toThrow(sentence);
  });
});

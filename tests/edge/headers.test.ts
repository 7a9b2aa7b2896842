// The security headers as the custom server, proxy.ts and Auth.js make them: HSTS, the upgrade
// and Secure cookies exactly when BENCHTOP_URL is https; a fresh nonce per page, handed to Next
// on the request; S3 origins in connect-src only for the person's own datasets.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "../../server/db/client";
import { allowedOrigins } from "../../server/http/csrf";
import { pagePolicy, responseSecurityHeaders } from "../../server/http/security-headers";
import { browserStoreOrigins, presignedOrigin } from "../../server/http/store-origins";
import { createProjectFor, createUser } from "../support/factories";

describe("headers by BENCHTOP_URL", () => {
  it("HSTS and upgrade-insecure-requests only over https; eval only on Next's dev server", () => {
    expect(responseSecurityHeaders("https://benchtop.lab.example")["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(responseSecurityHeaders("http://localhost:3000")["strict-transport-security"]).toBeUndefined();
    expect(responseSecurityHeaders("http://localhost:3000")["permissions-policy"]).toMatch(/(^|, )camera=\(\)(, |$)/);
    expect(pagePolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
    expect(pagePolicy({ nonce: "n" })).not.toContain("upgrade-insecure-requests");
    expect(pagePolicy({ nonce: "n", dev: true })).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(pagePolicy({ nonce: "n" })).not.toContain("unsafe-eval");
    expect(pagePolicy({ nonce: "n", connect: ["https://s3.lab:9000"], formTargets: ["https://github.com"] })).toContain("connect-src 'self' https://s3.lab:9000;");
  });

  it("the origins a browser mutation may come from: BENCHTOP_URL's, and the loopback names of a loopback demo", () => {
    expect(allowedOrigins("https://benchtop.lab.example/")).toEqual(["https://benchtop.lab.example"]);
    expect(allowedOrigins("http://localhost:3000")).toEqual(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]);
  });

  it("Auth.js's cookies are Secure with the __Host- and __Secure- prefixes when BENCHTOP_URL is https, and plain over http", async () => {
    // The cookies' names follow BENCHTOP_URL, read once when server/env.ts loads (session-cookie.ts
    // must know the session cookie's name), so each case loads the server's modules afresh.
    const csrfCookies = async (baseUrl: string) => {
      const saved = process.env.BENCHTOP_URL;
      process.env.BENCHTOP_URL = baseUrl;
      vi.resetModules();
      try {
        const { handlers } = await import("../../server/auth/auth");
        return (await handlers.GET(new NextRequest(`${baseUrl}/api/auth/csrf`))).headers.getSetCookie();
      } finally {
        if (saved === undefined) delete process.env.BENCHTOP_URL;
        else process.env.BENCHTOP_URL = saved;
        vi.resetModules();
      }
    };
    const secure = await csrfCookies("https://benchtop.lab.example");
    expect(secure.some((c) => c.startsWith("__Host-authjs.csrf-token=") && /; Secure/i.test(c))).toBe(true);
    expect(secure.some((c) => c.startsWith("__Secure-authjs.callback-url=") && /; Secure/i.test(c))).toBe(true);
    const plain = await csrfCookies("http://localhost:3000");
    expect(plain.some((c) => c.startsWith("authjs.csrf-token=") && !/; Secure/i.test(c))).toBe(true);
  });
});

describe("proxy.ts", () => {
  it("gives each page a fresh nonce, in the answer's policy and in the one Next reads from the request", async () => {
    const { proxy } = await import("../../proxy");
    const run = async () => (await (proxy as unknown as (req: NextRequest, ctx: unknown) => Promise<Response>)(new NextRequest("http://localhost:3000/signin"), {}))!;
    const first = await run();
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    const second = (await run()).headers.get("content-security-policy")!;
    expect(second).not.toContain(nonce);
  });
});

describe("S3 origins in connect-src", () => {
  it("the origin of a bucket's presigned URLs, as the AWS SDK makes them", async () => {
    expect(await presignedOrigin({ endpoint: null, region: "eu-west-1", forcePathStyle: false, bucket: "lab-data" })).toBe("https://lab-data.s3.eu-west-1.amazonaws.com");
    expect(await presignedOrigin({ endpoint: "http://minio.lab:9000", region: "us-east-1", forcePathStyle: true, bucket: "lab-data" })).toBe("http://minio.lab:9000");
    expect(await presignedOrigin({ endpoint: null, region: "eu-west-1", forcePathStyle: false, bucket: "with.dots" })).toBe("https://s3.eu-west-1.amazonaws.com");
  });

  it("only the stores of datasets in the person's own projects", async () => {
    const ana = await createUser();
    const eve = await createUser();
    const project = await createProjectFor(ana);
    // A store row as createStore saves it, without the S3 round trip that checks it first.
    const tag = project.slug;
    const store = await db.dataStore.create({ data: { name: `s3-${tag}`, kind: "s3", endpoint: `http://${tag}.minio.test:9000`, forcePathStyle: true } });
    await db.dataset.create({ data: { projectId: project.id, name: "imagenet", storeId: store.id, bucket: "b", prefix: "" } });
    expect(await browserStoreOrigins(ana.id)).toEqual([`http://${tag}.minio.test:9000`]);
    expect(await browserStoreOrigins(eve.id)).toEqual([]);
  });
});

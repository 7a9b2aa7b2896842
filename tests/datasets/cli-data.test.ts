// `benchtop datasets` and `benchtop data ls|cp|rm` as real processes against the real API and the
// local store's presigned-URL route over HTTP (server/http/standalone.ts).
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveApis } from "../../server/http/standalone";
import { createApiToken } from "../../server/tokens/api-tokens";
import { datasetLab } from "./lab";

let server: Awaited<ReturnType<typeof serveApis>>;
let work: string;

beforeAll(async () => {
  server = await serveApis();
  work = await fs.mkdtemp(path.join(os.tmpdir(), "bt-cli-data-"));
});
afterAll(async () => {
  await server.stop();
  await fs.rm(work, { recursive: true, force: true });
});

function benchtop(args: string[], token: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["bin/benchtop.mjs", ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: work, BENCHTOP_URL: server.url, BENCHTOP_TOKEN: token, BENCHTOP_HOME: path.join(work, "none") } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("benchtop data", () => {
  it("copies a folder into a dataset and back, byte for byte, and lists it like aws s3 ls", async () => {
    const { users, projectSlug } = await datasetLab();
    const { token } = await createApiToken({ actorId: users.ben.id, name: "cli" });
    const src = path.join(work, "src");
    await fs.mkdir(path.join(src, "sub dir"), { recursive: true });
    const big = randomBytes(20 * 1024 * 1024 + 333); // two parts of 16 MiB
    await fs.writeFile(path.join(src, "big.bin"), big);
    await fs.writeFile(path.join(src, "sub dir", "naïve é.txt"), "accents survive");
    await fs.writeFile(path.join(src, "empty.txt"), "");

    const up = await benchtop(["data", "cp", src, "ds://assays/incoming/", "--recursive", "-p", projectSlug], token);
    expect(up.stderr).toMatch(/3 files/);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(`upload: ${path.join(src, "big.bin")} to assays/incoming/big.bin`);

    const ls = await benchtop(["data", "ls", "assays/incoming", "-p", projectSlug], token);
    expect(ls.code).toBe(0);
    const lines = ls.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^\s+PRE sub dir\/$/);
    expect(lines.some((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+20971853 big\.bin$/.test(l))).toBe(true);

    const list = await benchtop(["datasets", "-p", projectSlug], token);
    expect(list.stdout).toMatch(/assays\s+local-\w+ \(local\)\s+lab-bucket\/stability\//);

    const back = path.join(work, "back");
    const down = await benchtop(["data", "cp", "ds://assays/incoming/", back, "--recursive", "-p", projectSlug], token);
    expect(down.code).toBe(0);
    expect(sha(await fs.readFile(path.join(back, "big.bin")))).toBe(sha(big));
    expect(await fs.readFile(path.join(back, "sub dir", "naïve é.txt"), "utf8")).toBe("accents survive");
    expect((await fs.stat(path.join(back, "empty.txt"))).size).toBe(0);

    const one = await benchtop(["data", "cp", "ds://assays/incoming/sub dir/naïve é.txt", path.join(work, "single.txt"), "-p", projectSlug], token);
    expect(one.code).toBe(0);
    expect(await fs.readFile(path.join(work, "single.txt"), "utf8")).toBe("accents survive");

    const rm = await benchtop(["data", "rm", "assays/incoming/sub dir/", "--recursive", "-p", projectSlug], token);
    expect(rm.stdout).toBe("delete: 1 objects under assays/incoming/sub dir/\n");
    const missing = await benchtop(["data", "cp", "ds://assays/incoming/nope.txt", work, "-p", projectSlug], token);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no object "incoming/nope.txt" in dataset "assays"');
  }, 60_000);
});

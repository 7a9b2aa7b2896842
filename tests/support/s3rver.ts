// A real S3-protocol server on loopback (npm s3rver) in a child process, for tests and benches:
//   const s3 = await startS3rver({ buckets: ["datasets"] }); ... s3.connection; await s3.stop();
// s3rver knows one account (access key S3RVER, secret S3RVER) and refuses other access keys, but it
// does not verify SigV4 signatures (a wrong secret passes). It answers CORS from the
// bucket's CORS configuration (given here: any origin, ETag exposed, as a lab must configure a
// real bucket for browser uploads), and needs Node's legacy OpenSSL provider.
//
// s3rver 3.7 lacks two multipart calls, ListParts and AbortMultipartUpload. The child adds them
// over s3rver's own on-disk upload folder (the parts and their MD5s s3rver wrote), so the driver's
// real S3 requests get real S3 XML answers; those two calls skip s3rver's signature check.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { S3Connection } from "../../server/storage/s3-store";

const CHILD = String.raw`
const S3rver = require("s3rver");
const fs = require("fs");
const path = require("path");
const { directory, buckets } = JSON.parse(process.env.S3RVER_OPTIONS);
const cors = Buffer.from('<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>DELETE</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>');
const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [cors] })) });
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
server.middleware.splice(server.middleware.length - 1, 0, async (ctx, next) => {
  const m = /^\/([^/]+)\/(.+)$/.exec(ctx.path);
  if (!m || !("uploadId" in ctx.query) || (ctx.method !== "GET" && ctx.method !== "DELETE")) return next();
  const bucket = decodeURIComponent(m[1]);
  const dir = path.join(server.store.getResourcePath(bucket, undefined, "uploads"), path.basename(String(ctx.query.uploadId)));
  if (!fs.existsSync(path.join(dir, "key"))) {
    ctx.status = 404;
    ctx.type = "application/xml";
    ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';
    return;
  }
  if (ctx.method === "DELETE") {
    fs.rmSync(dir, { recursive: true, force: true });
    ctx.status = 204;
    return;
  }
  // A part whose upload was cut off has no .md5 yet: S3 does not list it either.
  const parts = fs.readdirSync(dir).filter((n) => /^\d+$/.test(n) && fs.existsSync(path.join(dir, n + ".md5"))).map(Number).sort((a, b) => a - b);
  const xml = parts.map((n) => {
    const st = fs.statSync(path.join(dir, String(n)));
    const md5 = fs.readFileSync(path.join(dir, n + ".md5"), "utf8");
    return "<Part><PartNumber>" + n + "</PartNumber><LastModified>" + st.mtime.toISOString() + "</LastModified><ETag>&quot;" + md5 + "&quot;</ETag><Size>" + st.size + "</Size></Part>";
  }).join("");
  ctx.type = "application/xml";
  ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n<ListPartsResult><Bucket>' + esc(bucket) + "</Bucket><Key>" + esc(decodeURIComponent(m[2])) + "</Key><UploadId>" + esc(ctx.query.uploadId) + "</UploadId><IsTruncated>false</IsTruncated>" + xml + "</ListPartsResult>";
});
server.run().then((address) => process.stdout.write(JSON.stringify({ port: address.port }) + "\n"), (e) => { console.error(e); process.exit(1); });
`;

export type S3rverHandle = {
  endpoint: string;
  connection: S3Connection;
  directory: string;
  stop(): Promise<void>;
};

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3rver(opts: { buckets: string[] }): Promise<S3rverHandle> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "s3rver-"));
  const child: ChildProcess = spawn(process.execPath, ["--openssl-legacy-provider", "-e", CHILD], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? "", S3RVER_OPTIONS: JSON.stringify({ directory, buckets: opts.buckets }) } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n")) resolve((JSON.parse(line!) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code}) before it listened: ${stderr.slice(-2000)}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    directory,
    connection: { endpoint, region: "us-east-1", forcePathStyle: true, credentials: S3RVER_CREDENTIALS },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

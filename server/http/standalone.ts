// Benchtop's HTTP APIs (/api/agent/v1 and /api/v1) on a plain node http server, through the same
// dispatchers Next serves, without a build: for tests and benchmarks that drive real processes
// (the CLI, real agents) against the real server code.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { dispatchAgentApi } from "../agent-api/dispatch";
import { dispatchRest } from "../rest/edge";
import { frontDoorRefusal } from "./front-door";

function route(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (pathname.startsWith("/api/agent/v1/")) return dispatchAgentApi(req);
  // /api/v1 and the local stores' URLs (/api/storage/local): the JSON operations and the byte routes.
  return dispatchRest(req);
}

export async function serveApis(port = 0) {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response =
      frontDoorRefusal(req.method ?? "GET", req.url ?? "/") ??
      (await route(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body })));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

// Serves the local driver's presigned-URL route on loopback with request bodies streamed (as
// Next does), for the storage tests.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { serveLocalStorage, type LocalStoreResolver } from "../../server/storage/local-route";

export async function serveLocalRoute(resolve: LocalStoreResolver) {
  const server = http.createServer(async (req, res) => {
    try {
      const hasBody = req.method === "PUT" || req.method === "POST";
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        // @ts-expect-error Node's fetch needs duplex for a streamed body
        duplex: "half",
      });
      const response = await serveLocalStorage(request, resolve);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

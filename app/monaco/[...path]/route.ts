import { monacoAsset } from "../monaco-assets";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  const asset = await monacoAsset((await ctx.params).path);
  if (!asset) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(new Uint8Array(asset.body), {
    headers: { "content-type": asset.type, "cache-control": "public, max-age=31536000, immutable", "content-length": String(asset.body.length) },
  });
}

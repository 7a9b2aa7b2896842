import { dispatchRest } from "@/server/rest/edge";
import { putBlobRoute } from "@/server/rest/raw-routes";

export const dynamic = "force-dynamic";

export async function PUT(req: Request, ctx: { params: Promise<{ sha256: string }> }) {
  return putBlobRoute(req, (await ctx.params).sha256);
}

// This folder shadows the /api/v1 catch-all for /blobs/*; JSON routes there (POST /blobs/missing)
// go to the REST dispatcher as usual.
export { dispatchRest as POST, dispatchRest as GET };

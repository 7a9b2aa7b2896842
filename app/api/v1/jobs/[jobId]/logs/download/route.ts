import { downloadLogRoute } from "@/server/rest/raw-routes";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ jobId: string }> }) {
  return downloadLogRoute(req, (await ctx.params).jobId);
}

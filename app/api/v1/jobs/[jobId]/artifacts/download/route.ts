import { downloadArtifactRoute } from "@/server/rest/raw-routes";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ jobId: string }> }) {
  return downloadArtifactRoute(req, (await ctx.params).jobId);
}

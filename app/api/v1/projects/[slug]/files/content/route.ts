import { downloadFileContentRoute, uploadFileContentRoute } from "@/server/rest/routes/files";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

export async function GET(req: Request, ctx: Ctx) {
  return downloadFileContentRoute(req, (await ctx.params).slug);
}

export async function PUT(req: Request, ctx: Ctx) {
  return uploadFileContentRoute(req, (await ctx.params).slug);
}

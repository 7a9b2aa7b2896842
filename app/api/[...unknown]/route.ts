// Any /api path no other route claims: a JSON 404, never the HTML not-found page.
export const dynamic = "force-dynamic";

function notFound(req: Request) {
  const { pathname } = new URL(req.url);
  return Response.json(
    { error: { code: "not_found", message: `There is no API route ${req.method} ${pathname}. The REST API is described at /api/v1/openapi.json.` } },
    { status: 404 },
  );
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };

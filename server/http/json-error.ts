// The one JSON error shape every Benchtop HTTP answer uses (REST, byte routes, the front door):
//   { "error": { "code": "bad_request", "message": "...", "fields": { "name": ["..."] }, "requestId": "..." } }
import { AppError } from "../errors";

type Extra = { requestId?: string; fields?: Record<string, string[] | undefined>; headers?: Record<string, string> };

export function jsonError(status: number, code: string, message: string, extra: Extra = {}): Response {
  const { requestId, fields, headers } = extra;
  return Response.json(
    { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}), ...(requestId ? { requestId } : {}) } },
    { status, headers: { "cache-control": "no-store", ...(requestId ? { "x-request-id": requestId } : {}), ...headers } },
  );
}

export function appErrorResponse(e: AppError, extra: Omit<Extra, "fields"> = {}): Response {
  return jsonError(e.status, e.code.toLowerCase(), e.message, { ...extra, fields: e.fields });
}

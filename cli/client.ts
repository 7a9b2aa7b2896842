// The CLI's client of Benchtop's REST API (/api/v1): openapi-fetch over the types generated from
// the server's OpenAPI document (cli/api/openapi.ts, `npm run openapi:types`), so an answer's
// shape is the server's own, never a hand copy. A refusal comes back as CliError with the
// server's sentence; 401 exits 3.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./api/openapi";
import type { CliConfig } from "./config";
import { CliError } from "./errors";

export { CliError };
export type { paths };

type Method = "get" | "put" | "post" | "delete" | "patch";
type JsonOf<R> = R extends { content: { "application/json": infer J } } ? J : never;
/** The JSON a route answers with when it succeeds: `Answer<"/jobs/{jobId}", "get">` is a job. */
export type Answer<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer Rs } ? JsonOf<Rs[Extract<keyof Rs, 200 | 201>]> : never;

/** The server's sentence, with what it says of each field that the sentence does not say already, on one line. */
export function withFields(message: string, fields: Record<string, string[]> | undefined): string {
  const extra = Object.entries(fields ?? {})
    .map(([k, v]) => [k, v.filter((text) => !message.includes(text))] as const)
    .filter(([, v]) => v.length)
    .map(([k, v]) => `${k} ${v.join("; ")}`);
  return extra.length ? `${message.replace(/\.$/, "")} (${extra.join("; ")}).` : message;
}

/** Any failure as one line: ours and the server's as they are, anything else prefixed so it reads as unexpected. */
export function failureSentence(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const line = message.replace(/\s*\n\s*/g, " ").trim();
  if (e instanceof CliError || (e instanceof Error && e.name === "Error")) return line;
  return `Unexpected ${e instanceof Error ? e.name : "error"}: ${line} (BENCHTOP_DEBUG=1 shows where).`;
}

/** fetch for the API: an unreachable server, an answer that is not Benchtop's JSON, and any refusal become CliError. */
function benchtopFetch(config: Pick<CliConfig, "url">) {
  return async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(request);
    } catch (e) {
      const reason = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new CliError(`Cannot reach Benchtop at ${config.url} (${reason}). Is it running? Set BENCHTOP_URL or run \`benchtop login --url ...\`.`);
    }
    if (response.status === 204) return response;
    // The one text answer the CLI asks for (GET /costs.csv); anything else must be Benchtop's JSON.
    if (response.ok && response.headers.get("content-type")?.startsWith("text/csv")) return response;
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError(`${config.url} answered ${response.status} with something that is not Benchtop's JSON. Is BENCHTOP_URL right?`);
    }
    if (!response.ok) {
      const error = (json as { error?: { message?: string; fields?: Record<string, string[]> } }).error;
      throw new CliError(withFields(error?.message ?? `Request failed with status ${response.status}.`, error?.fields), response.status === 401 ? 3 : 1);
    }
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

export type Rest = Client<paths>;

/** A typed client for one server and token: `await answer(rest(c).GET("/jobs/{jobId}", { params: { path: { jobId } } }))`. */
export function rest(config: Pick<CliConfig, "url" | "token">): Rest {
  return createClient<paths>({
    baseUrl: `${config.url}/api/v1`,
    headers: { authorization: `Bearer ${config.token}`, accept: "application/json" },
    fetch: benchtopFetch(config),
  });
}

/** The answer of a call that succeeded (a refusal has thrown already, in benchtopFetch). */
export async function answer<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

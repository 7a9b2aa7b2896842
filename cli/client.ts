// A small client for Benchtop's REST API (/api/v1). Errors come back as CliError with the
// server's own sentence.
import type { CliConfig } from "./config";
import { CliError } from "./errors";

export { CliError };

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

export async function api<T>(config: Pick<CliConfig, "url" | "token">, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${config.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${config.token}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    const reason = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new CliError(`Cannot reach Benchtop at ${config.url} (${reason}). Is it running? Set BENCHTOP_URL or run \`benchtop login --url ...\`.`);
  }
  if (response.status === 204) return undefined as T;
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
  return json as T;
}

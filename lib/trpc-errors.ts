// Reading the errors tRPC procedures send back, for forms and toasts.
import { TRPCClientError } from "@trpc/client";

export type FieldErrors = Record<string, string[] | undefined>;

/** Field -> messages ("is required"), when the server rejected particular fields. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof TRPCClientError) {
    const fields = (error.data as { fields?: FieldErrors | null } | undefined)?.fields;
    if (fields) return fields;
  }
  return {};
}

/**
 * A sentence to show. Expected errors carry one from the server. A schema failure carries the raw
 * issue list as its message instead, so it gets a line pointing at the fields (whose own messages
 * show beside them); a network failure gets a line of its own.
 */
export function errorMessageOf(error: unknown, fallback = "Something went wrong. Try again in a moment."): string {
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    if (typeof status !== "number") return "Benchtop could not be reached. Check your connection and try again.";
    const text = error.message.trimStart();
    const raw = text.startsWith("[") || text.startsWith("{");
    if (!raw && text) return error.message;
    return Object.keys(fieldErrorsOf(error)).length > 0 ? "Check the highlighted fields." : "Some of what you entered was not accepted.";
  }
  return fallback;
}

/** The errors with one field's removed, for when the person edits that field. */
export function clearField(errors: FieldErrors, field: string): FieldErrors {
  if (!errors[field]) return errors;
  const { [field]: _removed, ...rest } = errors;
  return rest;
}

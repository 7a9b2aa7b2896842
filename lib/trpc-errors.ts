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
 * A sentence to show. Expected errors carry one from the server; a validation error names its
 * fields instead (shown beside them), and anything else gets a generic line.
 */
export function errorMessageOf(error: unknown, fallback = "Something went wrong. Try again in a moment."): string {
  if (error instanceof TRPCClientError) {
    if (Object.keys(fieldErrorsOf(error)).length > 0) return "Check the highlighted fields.";
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    // A schema failure without a field (the server sends the raw issue list as its message).
    if (error.message.trimStart().startsWith("[")) return "Some of what you entered was not accepted.";
    if (typeof status === "number" && error.message) return error.message;
    return "Benchtop could not be reached. Check your connection and try again.";
  }
  return fallback;
}

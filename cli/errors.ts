/** A failure the CLI reports in one sentence, and the exit status to end with (2: a usage error). */
export class CliError extends Error {
  override name = "CliError";
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

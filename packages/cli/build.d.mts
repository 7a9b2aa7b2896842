/** The built CLI: packages/cli/dist/benchtop.js. */
export const BUNDLE: string;
/** Whether the bundle is missing or older than any file it was built from. */
export function isStale(): boolean;
export function build(): Promise<void>;
/** Builds only when stale. */
export function ensureBuilt(): Promise<void>;

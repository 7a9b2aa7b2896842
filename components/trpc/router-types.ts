// What tRPC procedures return, for components that receive a procedure's data as props.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type TJobListItem = RouterOutputs["jobs"]["list"][number];
export type TJob = RouterOutputs["jobs"]["get"];
export type TJobAttempt = TJob["attempts"][number];
export type TMetricPoint = RouterOutputs["jobs"]["metrics"][number];
export type TArtifact = RouterOutputs["jobs"]["artifacts"][number];
export type TAgent = RouterOutputs["jobs"]["agents"][number];
export type TQueueItem = RouterOutputs["jobs"]["queue"][number];
export type TLogLine = RouterOutputs["jobs"]["logs"]["lines"][number];

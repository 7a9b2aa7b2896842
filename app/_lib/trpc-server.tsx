// Server-side tRPC for server components: prefetch a query, then <HydrateClient> hands the data
// to the client components that use the same query, so the first paint has it.
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { randomUUID } from "node:crypto";
import { cache, type ReactNode } from "react";
import { appRouter } from "@/server/api/root";
import type { TrpcContext } from "@/server/api/trpc";
import { requestLogger } from "@/server/log";
import { makeQueryClient } from "../../components/trpc/query-client";
import { getCurrentUser } from "./session";

export const getQueryClient = cache(makeQueryClient);

const createContext = cache(async (): Promise<TrpcContext> => {
  const user = await getCurrentUser();
  const requestId = randomUUID();
  return { actor: user ? { ...user, via: "session" } : null, requestId, log: requestLogger(requestId) };
});

export const serverTrpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

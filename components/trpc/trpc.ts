"use client";
// The browser's tRPC client, with TanStack Query (the @trpc/tanstack-react-query integration).
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

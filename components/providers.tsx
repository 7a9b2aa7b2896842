"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, loggerLink, splitLink } from "@trpc/client";
import { ThemeProvider } from "next-themes";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { z } from "zod";
import { Toaster } from "@/components/ui/sonner";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "@/components/trpc/query-client";
import { TRPCProvider } from "@/components/trpc/trpc";

// zod compiles object schemas with Function() unless told not to. The page's CSP allows no eval;
// zod would notice and fall back, but only after the browser reported a CSP violation.
z.config({ jitless: true });

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        // Subscriptions (live job logs) are server-sent events; each event carries the next line
        // number as its id, so a dropped connection resumes where it stopped.
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson }),
        }),
      ],
    }),
  );
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
          <Toaster />
        </TRPCProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

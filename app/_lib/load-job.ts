// A job page's job, once per request, through the same procedure the browser then keeps live (so the
// first paint has it). Someone outside the job's project gets Next's 404 page.
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { TJob } from "../../components/trpc/router-types";
import { getQueryClient, serverTrpc } from "./trpc-server";

export const loadJob = cache(async (jobId: string): Promise<TJob> => {
  try {
    return await getQueryClient().fetchQuery({ ...serverTrpc.jobs.get.queryOptions({ jobId }), retry: false });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

import { dispatchAgentApi } from "@/server/agent-api/dispatch";

export const dynamic = "force-dynamic";
// Long polls hold a request for up to a minute.
export const maxDuration = 120;

export { dispatchAgentApi as GET, dispatchAgentApi as POST, dispatchAgentApi as PUT };

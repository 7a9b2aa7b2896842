import { agentsRouter } from "./routers/agents";
import { budgetsRouter } from "./routers/budgets";
import { costsRouter } from "./routers/costs";
import { datasetsRouter } from "./routers/datasets";
import { filesRouter } from "./routers/files";
import { jobsRouter } from "./routers/jobs";
import { jobsWatchRouter } from "./routers/jobs-watch";
import { kernelsRouter } from "./routers/kernels";
import { meRouter } from "./routers/me";
import { noticesRouter } from "./routers/notices";
import { peopleRouter } from "./routers/people";
import { projectsRouter } from "./routers/projects";
import { ratesRouter } from "./routers/rates";
import { settingsRouter } from "./routers/settings";
import { snapshotsRouter } from "./routers/snapshots";
import { tokensRouter } from "./routers/tokens";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  agents: agentsRouter,
  budgets: budgetsRouter,
  costs: costsRouter,
  datasets: datasetsRouter,
  files: filesRouter,
  jobs: { ...jobsRouter._def.record, ...jobsWatchRouter._def.record }, // jobs.watch lives in its own file
  kernels: kernelsRouter,
  me: meRouter,
  notices: noticesRouter,
  people: peopleRouter,
  projects: projectsRouter,
  rates: ratesRouter,
  settings: settingsRouter,
  snapshots: snapshotsRouter,
  tokens: tokensRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

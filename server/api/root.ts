import { datasetsRouter } from "./routers/datasets";
import { filesRouter } from "./routers/files";
import { jobsRouter } from "./routers/jobs";
import { kernelsRouter } from "./routers/kernels";
import { meRouter } from "./routers/me";
import { peopleRouter } from "./routers/people";
import { projectsRouter } from "./routers/projects";
import { tokensRouter } from "./routers/tokens";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  datasets: datasetsRouter,
  files: filesRouter,
  jobs: jobsRouter,
  kernels: kernelsRouter,
  me: meRouter,
  people: peopleRouter,
  projects: projectsRouter,
  tokens: tokensRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

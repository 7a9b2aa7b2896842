import type { RestRoute } from "../define-route";
import { agentRoutes } from "./agents";
import { datasetRoutes } from "./datasets";
import { fileRoutes } from "./files";
import { jobRoutes } from "./jobs";

/** Every route under /api/v1. Later issues add jobs, datasets, ... here. */
export const restRoutes: RestRoute[] = [...fileRoutes, ...jobRoutes, ...agentRoutes, ...datasetRoutes];

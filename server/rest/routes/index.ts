import type { RestRoute } from "../define-route";
import { datasetRoutes } from "./datasets";

/** Every route under /api/v1. Later issues add jobs, datasets, ... here. */
export const restRoutes: RestRoute[] = [...datasetRoutes];

/**
 * The HTTP API contract, written once: every route's parameters, body and answers as zod schemas. The
 * server validates with it and serves the OpenAPI document generated from it; the designer imports
 * its TYPES only (`import type`), so zod stays out of the designer's bundle.
 */
import { flowRoutes } from './flow-routes.js';
import { promptRoutes } from './prompt-routes.js';
import type { RouteSpec } from './route.js';
import { runtimeRoutes } from './runtime-routes.js';
import { serviceRoutes } from './service-routes.js';
import { trafficRoutes } from './traffic-routes.js';
import { usageRoutes } from './usage-routes.js';

export * from './api-error.js';
export * from './contact-schemas.js';
export * from './error-codes.js';
export * from './flow-routes.js';
export {
  buildOpenApiDocument,
  gateErrors,
  type OpenApiDocument,
  openApiPath,
  routeErrors,
} from './openapi.js';
export * from './prompt-routes.js';
export * from './roles.js';
export * from './route.js';
export * from './runtime-routes.js';
export * from './schemas.js';
export * from './service-routes.js';
export * from './traffic-routes.js';
export * from './usage-routes.js';

/** Every route of the service, by operation name. */
export const API_ROUTES = {
  ...serviceRoutes,
  ...promptRoutes,
  ...flowRoutes,
  ...usageRoutes,
  ...trafficRoutes,
  ...runtimeRoutes,
} as const satisfies Record<string, RouteSpec>;

export type ApiRoutes = typeof API_ROUTES;

/**
 * The OpenAPI 3.1 description of every route, generated from the route contract the server validates
 * with (@callflow/model/api-contract). A test compares it with the routes express really has, both
 * ways, and holds every answer against it.
 */
import { API_ROUTES, buildOpenApiDocument } from '@callflow/model/api-contract';

export const openApiDocument = buildOpenApiDocument(API_ROUTES);

/**
 * Who may call a route, written in its contract entry: the server enforces it (`authorize`), the OpenAPI
 * document shows it (`x-roles`), docs/security.md publishes it, and a test calls every route with a
 * token of every role against it.
 */
export const API_ROLES = ['admin', 'editor', 'viewer', 'agent'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** Token roles, or `public` (no token: health, the designer's and the desktop's files). */
export type RouteRoles = readonly ApiRole[] | 'public';

// Named groups keep the routes short to read and easy to extend: a new role is added to the groups it
// belongs to and to the routes it needs.
/** Every role of the designer's API: reads. */
export const READERS = ['admin', 'editor', 'viewer'] as const satisfies readonly ApiRole[];
/** The daily work: flows, their tests, publishing, calls, callbacks, agents. */
export const WRITERS = ['admin', 'editor'] as const satisfies readonly ApiRole[];
/** What changes the whole center (resources, rollback, the simulated clock). */
export const ADMINS = ['admin'] as const satisfies readonly ApiRole[];
/**
 * An agent's desktop token reaches its own agent's routes and the event stream, nothing else of the
 * designer's API; which agent it may act as is checked for every /api/agents/:name route.
 */
export const READERS_AND_AGENT = [...READERS, 'agent'] as const satisfies readonly ApiRole[];
export const WRITERS_AND_AGENT = [...WRITERS, 'agent'] as const satisfies readonly ApiRole[];

import type { IncomingMessage } from 'node:http';

/** The label of requests no route matched (404s, and bodies refused before routing: 413, 415). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route a request matched, as declared (`/api/v1/projects/:projectId`), never the URL it came with: logs and
 * metrics keyed by raw URLs would grow without bound with every id a caller makes up. The API declares no wildcard
 * route: a wildcard is Nest's catch-all (its not-found handler, its module middleware), not a route the request matched.
 */
export function routeTemplateOf(request: IncomingMessage): string {
  const { route, baseUrl } = request as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };
  return typeof route?.path === 'string' && !route.path.includes('*')
    ? `${baseUrl ?? ''}${route.path}`
    : UNMATCHED_ROUTE;
}

/** The path the client asked for, without the query string (callers put what they like there). */
export function requestPathOf(request: IncomingMessage): string {
  const { originalUrl } = request as IncomingMessage & { originalUrl?: string };
  return (originalUrl ?? request.url ?? '').split('?')[0];
}

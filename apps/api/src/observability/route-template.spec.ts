import type { IncomingMessage } from 'node:http';
import { requestPathOf, routeTemplateOf, UNMATCHED_ROUTE } from './route-template';

const routed = (fields: object) => ({ headers: {}, url: '/', ...fields }) as unknown as IncomingMessage;

describe('routeTemplateOf', () => {
  it('names the route as declared, not the URL', () => {
    expect(routeTemplateOf(routed({ route: { path: '/api/v1/projects/:projectId' }, url: '/api/v1/projects/x' }))).toBe(
      '/api/v1/projects/:projectId',
    );
  });

  it('prefixes the path the router was mounted at', () => {
    expect(routeTemplateOf(routed({ baseUrl: '/docs', route: { path: '/:file' } }))).toBe('/docs/:file');
  });

  it("calls a request no route matched, or only a catch-all, 'unmatched'", () => {
    expect(routeTemplateOf(routed({}))).toBe(UNMATCHED_ROUTE);
    expect(routeTemplateOf(routed({ route: { path: '/api/v1*path' } }))).toBe(UNMATCHED_ROUTE);
  });
});

describe('requestPathOf', () => {
  it('leaves the query string out, and prefers the URL as the client sent it', () => {
    expect(requestPathOf(routed({ originalUrl: '/api/v1/events?actor=x', url: '/events?actor=x' }))).toBe(
      '/api/v1/events',
    );
    expect(requestPathOf(routed({ url: '/health/live?verbose' }))).toBe('/health/live');
  });
});

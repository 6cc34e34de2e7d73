import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The OpenAPI UI and its assets (not /docs-json, which is JSON like the rest of the API). */
export const DOCS_PATH = '/docs';

function isDocs(path: string): boolean {
  return path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);
}

/**
 * The API answers JSON only: nothing it sends may load anything, run anything or be framed. Everything else helmet
 * sets by default is kept (HSTS, nosniff, Referrer-Policy: no-referrer, CORP/COOP same-origin, no X-Powered-By...).
 */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  xFrameOptions: { action: 'deny' },
});

/**
 * Swagger UI at /docs loads its scripts, styles and images from /docs/ itself, but its page carries inline <style>
 * blocks and its components set style attributes: inline styles are the one relaxation. Scripts stay 'self' only.
 * No upgrade-insecure-requests, so that the UI still loads over plain http on localhost.
 */
const docsHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
    },
  },
  xFrameOptions: { action: 'deny' },
});

/**
 * Helmet's security headers on every response, with the Content-Security-Policy of the API or of the docs. No API
 * answer may be stored by any cache, shared or the browser's: each is the ledger as one caller may see it, now.
 * The Swagger UI's page and assets are the same for everybody and are left to their static server's caching.
 */
export const securityHeaders: RequestHandler = (request, response, next) => {
  if (isDocs(request.path)) return docsHeaders(request, response, next);
  response.setHeader('Cache-Control', 'no-store');
  apiHeaders(request, response, next);
};

import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIX } from '../http/api-prefix';
import { DOCS_PATH } from '../http/security-headers';

// The web workspace (apps/web, built into dist/web by `npm run build`) at `/`, beside the API.

/** Paths that are the API's (any version of it), never the workspace's, whatever the client accepts. */
const API_PATHS = new RegExp(`^/(${API_PREFIX.split('/')[0]}|health|metrics|docs-json)(/|$)|^${DOCS_PATH}(/|$)`);

/** Files whose name changes with their content: the bundles (hashed names) and the DSFR's folder (its version). */
const IMMUTABLE = /^\/(assets|dsfr-[0-9.]+)\//;

/**
 * The workspace's page loads its scripts, stylesheets, fonts and images from this origin only; the DSFR's stylesheet
 * draws some of its icons as data: SVG images. No inline script or style, no framing; the API it calls is this origin.
 * The other security headers are the API's (security-headers.ts), set on every response before this one.
 */
export const WORKSPACE_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "manifest-src 'self'",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
].join(';');

/** The page a browser gets while the workspace is not built: the service runs, its API too, and says what to do. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Espace de travail non construit</title></head>
<body><h1>L’espace de travail n’est pas construit</h1>
<p>Le service et son API fonctionnent, mais l’application web n’a pas été construite : lancez <code>npm run build</code>
(ou <code>npm start</code>, qui construit ce qui a changé), puis rechargez la page.</p>
<p>The web workspace is not built: run <code>npm run build</code>, then reload. The API is at <a href="/docs">/docs</a>.</p>
</body></html>
`;

/** A browser asking for a page: a GET or HEAD that prefers HTML to JSON (curl's `*\/*` prefers JSON, listed first). */
function wantsPage(request: Request): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && request.accepts(['json', 'html']) === 'html';
}

/**
 * The workspace's page, index.html, for every client route (the workspace routes in the browser), never stored; while
 * the workspace is not built, a page saying so, with the API's policy (it loads nothing).
 */
function sendPage(webRoot: string | undefined, response: Response, next: NextFunction): void {
  const page = webRoot === undefined ? undefined : join(webRoot, 'index.html');
  if (page === undefined || !existsSync(page)) return void response.status(503).type('html').send(NOT_BUILT_PAGE);
  response.setHeader('Content-Security-Policy', WORKSPACE_POLICY);
  response.setHeader('Cache-Control', 'no-cache');
  response.sendFile(page, { lastModified: true }, (error?: Error) => error && next(error));
}

/** The workspace's files: hashed ones cached for a year, the others revalidated; none when it is not built. */
function workspaceFiles(webRoot: string | undefined): RequestHandler {
  if (webRoot === undefined) return (_request, _response, next) => next();
  return express.static(webRoot, {
    index: false,
    redirect: false,
    etag: false,
    setHeaders: (response, _path, stat) => {
      const immutable = IMMUTABLE.test((response.req as Request).path);
      response.setHeader('Content-Security-Policy', WORKSPACE_POLICY);
      response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      response.setHeader('Last-Modified', stat.mtime.toUTCString());
    },
  });
}

/**
 * Serves the workspace from `webRoot` (dist/web; none when the service runs from its sources, as in tests): its files,
 * then its page to a browser on any other path that is not the API's (`/` included: a JSON client still gets the API
 * index there). What is not found falls through to the API, whose 404 is a problem document.
 */
export function serveWorkspace(app: INestApplication, webRoot: string | undefined): void {
  const files = workspaceFiles(webRoot);
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (API_PATHS.test(request.path) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    files(request, response, () => (wantsPage(request) ? sendPage(webRoot, response, next) : next()));
  });
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

// The web workspace at `/` beside the API: its files, its page for every client route to a browser, the API's JSON
// to everybody else, and a page saying to build it when it is not built. Here with a workspace made by the test; the
// browser tests (test/browser) run the real one.

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const PAGE = '<!doctype html><title>Portefeuille Tech.gouv</title><div id="workspace"></div>';

describe('the web workspace, built', () => {
  let testApp: TestApp;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'portfolio-web-'));
    mkdirSync(join(webRoot, 'assets'));
    mkdirSync(join(webRoot, 'dsfr-1.15.3'));
    writeFileSync(join(webRoot, 'index.html'), PAGE);
    writeFileSync(join(webRoot, 'assets', 'main-4KX2B7QZ.js'), 'export {};');
    writeFileSync(join(webRoot, 'dsfr-1.15.3', 'dsfr.min.css'), 'body{}');
    testApp = await startTestApp('sqlite', {}, { webRoot });
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(webRoot, { recursive: true, force: true });
  });
  const http = () => request(testApp.app.getHttpServer());

  it.each(['/', '/connexion', '/portefeuille', '/projets/franceconnect', '/revues/citp-6', '/audit', '/saisie'])(
    'answers its page at %s to a browser, revalidated at each visit, under a policy that runs only its own files',
    async (path) => {
      const response = await http().get(path).set('Accept', BROWSER).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toBe(PAGE);
      expect(response.headers['cache-control']).toBe('no-cache');
      const policy = response.headers['content-security-policy'];
      expect(policy).toContain("script-src 'self';");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe');
    },
  );

  it('keeps answering the JSON index at / to API clients: curl, and clients asking for JSON', async () => {
    for (const accept of ['*/*', 'application/json']) {
      const response = await http().get('/').set('Accept', accept).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ name: 'portfolio-ledger' });
    }
  });

  it('caches the files named after their content for a year, and revalidates the others', async () => {
    const script = await http().get('/assets/main-4KX2B7QZ.js').expect(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const dsfr = await http().get('/dsfr-1.15.3/dsfr.min.css').expect(200);
    expect(dsfr.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await http().get('/index.html').expect(200)).headers['cache-control']).toBe('no-cache');
  });

  it('leaves the API its own: a browser asking for an unknown API path gets the JSON 404 problem', async () => {
    const response = await http().get('/api/v1/nothing-here').set('Accept', BROWSER).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await http().get('/docs-json').set('Accept', BROWSER).expect(200)).body).toHaveProperty('openapi');
  });

  it('answers 404 for a missing file, not the page', async () => {
    const response = await http().get('/assets/main-MISSING.js').set('Accept', '*/*').expect(404);
    expect(response.text).not.toContain('workspace');
  });
});

describe('the web workspace, not built', () => {
  let testApp: TestApp;
  beforeAll(async () => (testApp = await startTestApp('sqlite', {}, { webRoot: join(tmpdir(), 'no-web-build-here') })));
  afterAll(() => testApp.close());

  it('tells a browser to run npm run build, with 503, while the API answers', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/portefeuille').set('Accept', BROWSER);
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('npm run build');
    expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    await request(testApp.app.getHttpServer()).get('/').set('Accept', '*/*').expect(200);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, startTestApp, type TestApp } from './support/test-app';

// `GET /`: a JSON index of the API, not Express's HTML 404 page. It does not depend on the store: SQLite alone.

const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

describe('GET /', () => {
  let testApp: TestApp;
  beforeAll(async () => (testApp = await startTestApp('sqlite')));
  afterAll(() => testApp.close());
  const http = () => request(testApp.app.getHttpServer());

  it('answers, to anybody, a JSON index: the name and version, and links to the documentation, health and resources', async () => {
    const response = await http().get('/').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({
      name: 'portfolio-ledger',
      version,
      links: expect.objectContaining({
        openapi: '/docs-json',
        docs: '/docs',
        readiness: '/health/ready',
        portfolio: '/api/v1/portfolio',
        projects: '/api/v1/projects',
        reviewCycles: '/api/v1/review-cycles',
      }),
    });
  });

  it('links only to routes that answer', async () => {
    const { links } = (await http().get('/').expect(200)).body as { links: Record<string, string> };
    for (const [name, href] of Object.entries(links)) {
      const response = await http().get(href).set(bearer('admin'));
      expect({ name, href, status: response.status }).toEqual({ name, href, status: 200 });
    }
  });
});

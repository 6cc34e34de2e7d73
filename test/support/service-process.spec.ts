import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { takeViolations } from './response-contract';
import { fetchService } from './service-process';

// fetchService against a small server standing for a spawned service: its /docs-json promises a body the server
// keeps or breaks.

const document = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      get: {
        responses: {
          200: {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
              },
            },
          },
        },
      },
    },
  },
};

const bodies: Record<string, string> = {
  '/docs-json': JSON.stringify(document),
  '/things?kept': '{"id":"a"}',
  '/things?broken': '{"name":"a"}',
};

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const body = bodies[request.url ?? ''];
    response.writeHead(body === undefined ? 418 : 200, { 'Content-Type': 'application/json' });
    response.end(body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('a response of a spawned service', () => {
  it('passes when it keeps the document the service serves, its body still readable by the test', async () => {
    const response = await fetchService(`${origin}/things?kept`);
    expect(await response.json()).toEqual({ id: 'a' });
    expect(takeViolations()).toEqual([]);
  });

  it('is recorded as a violation when its body breaks the document', async () => {
    await fetchService(`${origin}/things?broken`);
    expect(takeViolations()).toEqual([
      expect.stringMatching(/^GET \/things\?broken → 200: body does not match its schema: .*'id'/),
    ]);
  });

  it('is recorded as a violation when its status is not documented', async () => {
    await fetchService(`${origin}/things`, { method: 'GET' });
    expect(takeViolations()).toEqual(['GET /things → 418: status 418 is not documented']);
  });
});

import type { OpenAPIObject } from '@nestjs/swagger';
import { contractOf, violationOf } from './response-contract';

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const document = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          200: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          404: { content: problem },
        },
      },
    },
    '/things/count': {
      get: { responses: { 200: { content: { 'text/plain': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'string' }, note: { type: ['string', 'null'] } },
        required: ['id', 'note'],
      },
      Problem: { type: 'object', properties: { status: { type: 'integer' } }, required: ['status'] },
    },
  },
} as unknown as OpenAPIObject;

const contract = contractOf(document);
const check = (path: string, status: number, type: string | undefined, body: string) =>
  violationOf(contract, 'GET', path, status, type, () => body);

describe('a response checked against the OpenAPI document', () => {
  it('passes when its status, media type and body are as documented', () => {
    expect(check('/things/a', 200, 'application/json; charset=utf-8', '{"id":"a","note":null}')).toBeUndefined();
    expect(check('/things/a', 404, 'application/problem+json', '{"status":404}')).toBeUndefined();
  });

  it('fails on a status the operation does not document', () => {
    expect(check('/things/a', 500, 'application/problem+json', '{"status":500}')).toBe('status 500 is not documented');
  });

  it('fails on a media type the response does not declare', () => {
    expect(check('/things/a', 200, 'text/html', '<p>')).toBe('text/html is not documented (only application/json)');
  });

  it('fails on a body its schema refuses, saying why', () => {
    expect(check('/things/a', 200, 'application/json', '{"id":"a"}')).toMatch(
      /^body does not match its schema: .*must have required property 'note'/,
    );
  });

  it('reads a literal path as its own operation before a templated one', () => {
    expect(check('/things/count', 200, 'text/plain', '3')).toBeUndefined();
  });

  it('leaves alone a path the document does not describe', () => {
    expect(check('/docs-json', 200, 'application/json', '{}')).toBeUndefined();
    expect(check('/things/a/b', 404, 'application/problem+json', '{}')).toBeUndefined();
  });
});

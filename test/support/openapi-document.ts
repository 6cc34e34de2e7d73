import type { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { startTestApp } from './test-app';

/** The OpenAPI document as the service serves it at /docs-json, from an application on an empty SQLite store. */
export async function servedOpenApiDocument(): Promise<OpenAPIObject> {
  const test = await startTestApp('sqlite');
  try {
    const { body } = await request(test.app.getHttpServer()).get('/docs-json').expect(200);
    return body as OpenAPIObject;
  } finally {
    await test.close();
  }
}

/** Every `$ref` of a document, with where it stands (a JSON path). */
export function referencesOf(value: unknown, at = '$'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => referencesOf(item, `${at}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [{ at, ref: inner }] : referencesOf(inner, `${at}.${key}`),
  );
}

/** What a local reference (`#/components/schemas/Name`) points at in the document, undefined when nothing. */
export function resolveReference(document: object, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  const steps = ref
    .slice(2)
    .split('/')
    .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: unknown = document;
  for (const step of steps) {
    if (typeof node !== 'object' || node === null || step === '' || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

export type OperationObject = {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: { type?: unknown } }[];
  responses: Record<string, { content?: Record<string, { schema?: object }>; headers?: Record<string, object> }>;
  'x-roles'?: string[];
};

/** Every operation of the document: its method, path and object. */
export function operationsOf(document: OpenAPIObject): { method: string; path: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, OperationObject>).map(([method, operation]) => ({ method, path, operation })),
  );
}

import type { OpenAPIObject } from '@nestjs/swagger';

// @nestjs/swagger writes its schemas as OpenAPI 3.0 does, with `nullable`, which OpenAPI 3.1 (JSON Schema 2020-12)
// dropped: a validator or a generated client would read `nullable: true` as nothing and refuse the nulls sent.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ANNOTATIONS = ['description', 'example', 'examples', 'title', 'default', 'deprecated', 'readOnly', 'writeOnly'];

const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One schema that may be null, written as JSON Schema 2020-12 says it. */
function allowingNull(schema: JsonObject): JsonObject {
  const rest = { ...schema };
  delete rest.nullable;
  if (typeof rest.type === 'string') {
    const nullable: JsonObject = { ...rest, type: [rest.type, 'null'] };
    if (Array.isArray(rest.enum)) nullable.enum = [...rest.enum, null];
    return nullable;
  }
  const annotations = Object.fromEntries(Object.entries(rest).filter(([key]) => ANNOTATIONS.includes(key)));
  const shape = Object.fromEntries(Object.entries(rest).filter(([key]) => !ANNOTATIONS.includes(key)));
  const only = Array.isArray(shape.allOf) && shape.allOf.length === 1 && Object.keys(shape).length === 1;
  return { ...annotations, anyOf: [only ? (shape.allOf as Json[])[0] : shape, { type: 'null' }] };
}

function rewrite(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewrite);
  if (!isObject(value)) return value;
  const rewritten = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]));
  if (rewritten.nullable === true) return allowingNull(rewritten);
  if (rewritten.nullable === false) delete rewritten.nullable;
  return rewritten;
}

/** The document with every `nullable` schema written for OpenAPI 3.1. */
export function asOpenApi31(document: OpenAPIObject): OpenAPIObject {
  return { ...(rewrite(document as unknown as Json) as unknown as OpenAPIObject), openapi: '3.1.0' };
}

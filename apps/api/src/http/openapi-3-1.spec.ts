import type { OpenAPIObject } from '@nestjs/swagger';
import { asOpenApi31 } from './openapi-3-1';

const documentWith = (schemas: Record<string, object>) =>
  ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } }) as OpenAPIObject;

const schemasOf = (document: OpenAPIObject) => document.components?.schemas as Record<string, unknown>;

describe('asOpenApi31', () => {
  it('says 3.1.0', () => {
    expect(asOpenApi31(documentWith({})).openapi).toBe('3.1.0');
  });

  it('writes a nullable typed value as a type that includes null, and adds null to its choices', () => {
    const document = asOpenApi31(
      documentWith({
        A: {
          type: 'object',
          properties: {
            note: { type: 'string', nullable: true, description: 'd' },
            health: { type: 'string', enum: ['green', 'red'], nullable: true },
            count: { type: 'number', nullable: false },
          },
        },
      }),
    );
    expect(schemasOf(document).A).toEqual({
      type: 'object',
      properties: {
        note: { type: ['string', 'null'], description: 'd' },
        health: { type: ['string', 'null'], enum: ['green', 'red', null] },
        count: { type: 'number' },
      },
    });
  });

  it('writes a nullable reference as anyOf the reference or null, keeping its description', () => {
    const document = asOpenApi31(
      documentWith({
        A: { nullable: true, description: 'd', allOf: [{ $ref: '#/components/schemas/B' }] },
        C: { nullable: true, type: 'object', properties: {} },
      }),
    );
    expect(schemasOf(document).A).toEqual({
      description: 'd',
      anyOf: [{ $ref: '#/components/schemas/B' }, { type: 'null' }],
    });
    expect(schemasOf(document).C).toEqual({ type: ['object', 'null'], properties: {} });
  });

  it('leaves a property named nullable alone', () => {
    const schemas = { A: { type: 'object', properties: { nullable: { type: 'boolean' } } } };
    expect(schemasOf(asOpenApi31(documentWith(schemas)))).toEqual(schemas);
  });
});

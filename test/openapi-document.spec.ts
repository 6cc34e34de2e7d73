import type { OpenAPIObject } from '@nestjs/swagger';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  operationsOf,
  referencesOf,
  resolveReference,
  servedOpenApiDocument,
  type OperationObject,
} from './support/openapi-document';

// The OpenAPI document a generated client is built from: complete (every operation named, typed, with its answers and
// who may call it) and correct (every reference resolves, OpenAPI 3.1 throughout).

const PROBLEM = '#/components/schemas/ProblemDto';
const PUBLIC = new Set(['/health/live', '/health/ready']);
/** The web workspace's sign-in, before anybody is signed in: open to all. */
const SIGN_IN = new Set([
  '/api/v1/session/sign-in-options',
  '/api/v1/session/oidc',
  '/api/v1/session/oidc/callback',
  '/api/v1/session/logout',
]);
/** The sign-in's browser steps, which answer a redirect and nothing else. */
const REDIRECTS = new Set(['/api/v1/session/oidc', '/api/v1/session/oidc/callback']);

let document: OpenAPIObject;
let operations: ReturnType<typeof operationsOf>;

beforeAll(async () => {
  document = await servedOpenApiDocument();
  operations = operationsOf(document);
}, 30_000);

const named = ({ method, path }: { method: string; path: string }) => `${method.toUpperCase()} ${path}`;
const each = (check: (operation: OperationObject, path: string) => unknown) =>
  operations.filter(({ operation, path }) => !check(operation, path)).map(named);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a server, and writes nullable values as JSON Schema does', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(JSON.stringify(document)).not.toContain('"nullable"');
  });

  it('resolves every reference it makes', () => {
    const references = referencesOf(document);
    expect(references.length).toBeGreaterThan(100);
    expect(references.filter(({ ref }) => resolveReference(document, ref) === undefined)).toEqual([]);
  });

  it('gives each DTO class a name of its own: @nestjs/swagger names a schema after its class, one schema per name', () => {
    const sources = readdirSync(join(__dirname, '..', 'apps', 'api', 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    const classes = sources.flatMap((source) => [...source.matchAll(/^(?:export )?class (\w+)/gm)].map((m) => m[1]));
    expect(classes.filter((name, index) => classes.indexOf(name) !== index)).toEqual([]);
    expect(classes.length).toBeGreaterThan(50);
  });

  it('names the type of every request field that nests an object', () => {
    const schemas = document.components?.schemas as Record<string, { properties: Record<string, object> }>;
    const property = (schema: string, name: string) => JSON.stringify(schemas[schema].properties[name]);
    expect(property('IndicatorDefinitionDto', 'baseline')).toContain('#/components/schemas/IndicatorValueAtDto');
    expect(property('IndicatorDefinitionDto', 'target')).toContain('#/components/schemas/IndicatorTargetDto');
    expect(property('RecordMeasurementDto', 'territory')).toContain('#/components/schemas/TerritoryDto');
    expect(property('RedesignProjectDto', 'changes')).toContain('#/components/schemas/PlanChangesDto');
  });

  it('gives every operation a unique operationId and a summary', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(each((operation) => /^[a-z][A-Za-z]+$/.test(operation.operationId ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(each((operation) => (operation.summary ?? '').length > 0)).toEqual([]);
  });

  it('says who may call each operation: its roles and token, or nobody needed for the health checks', () => {
    const guarded = operations.filter(({ path }) => !PUBLIC.has(path) && !SIGN_IN.has(path));
    for (const { operation } of guarded) {
      expect(operation['x-roles']?.length).toBeGreaterThan(0);
      expect(operation.description).toContain(`Roles: ${operation['x-roles']?.join(', ')}.`);
      expect(operation.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403', '429']));
    }
    const open = operations.filter(({ path }) => PUBLIC.has(path) || SIGN_IN.has(path));
    expect(open.map(({ operation }) => operation.security)).toEqual([[{}], [{}], [{}], [{}], [{}], [{}]]);
    expect(document.security).toBeUndefined();
  });

  it('types every parameter', () => {
    const untyped = operations.flatMap(({ method, path, operation }) =>
      (operation.parameters ?? [])
        .filter((parameter) => parameter.schema?.type === undefined)
        .map((parameter) => `${named({ method, path })} ${parameter.in} ${parameter.name}`),
    );
    expect(untyped).toEqual([]);
  });

  it("documents every operation's success body", () => {
    // A 204 beside it says the operation may have nothing to send (an event stream resumed past its end).
    const success = (operation: OperationObject) =>
      Object.entries(operation.responses).filter(([status]) => status.startsWith('2') && status !== '204');
    expect(each((operation, path) => REDIRECTS.has(path) || success(operation).length === 1)).toEqual([]);
    const redirect = (operation: OperationObject) =>
      success(operation).length === 0 && Object.keys(operation.responses).includes('302');
    expect(operations.filter(({ operation, path }) => REDIRECTS.has(path) && !redirect(operation)).map(named)).toEqual(
      [],
    );
    const documented = (operation: OperationObject) =>
      success(operation).every(
        ([, response]) =>
          Object.keys(response.content ?? {}).length > 0 &&
          Object.values(response.content ?? {}).every((media) => media.schema !== undefined),
      );
    expect(each(documented)).toEqual([]);
  });

  it('answers every problem as application/problem+json with the shared schema, an unexpected failure too', () => {
    expect(each((operation) => operation.responses['500'] !== undefined)).toEqual([]);
    // Every route refuses a query parameter it does not take.
    expect(each((operation) => operation.responses['400'] !== undefined)).toEqual([]);
    const problems = operations.flatMap(({ operation }) =>
      Object.entries(operation.responses).filter(([status]) => /^[45]/.test(status)),
    );
    expect(problems.length).toBeGreaterThan(200);
    for (const [, response] of problems) {
      expect(response.content).toEqual({ 'application/problem+json': { schema: { $ref: PROBLEM } } });
    }
  });

  it('documents the headers it sends: ETag and Location of commands, Retry-After of 429 and 503', () => {
    const commands = operations.filter(({ method, path }) => method === 'post' && path.startsWith('/api/v1/'));
    const successHeaders = (operation: OperationObject) =>
      Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1].headers ?? {};
    const answersWithResult = commands.filter(({ operation }) =>
      JSON.stringify(operation.responses).includes('CommandResultDto'),
    );
    expect(answersWithResult.length).toBe(8);
    for (const { operation } of answersWithResult) expect(successHeaders(operation)).toHaveProperty('ETag');
    const creating = commands.filter(({ operation }) => 'Location' in successHeaders(operation)).map(named);
    expect(creating.sort()).toEqual(['POST /api/v1/missions', 'POST /api/v1/projects', 'POST /api/v1/review-cycles']);
    for (const { operation } of operations) {
      for (const status of ['429', '503']) {
        if (operation.responses[status] !== undefined) {
          expect(operation.responses[status].headers).toHaveProperty('Retry-After');
        }
      }
    }
  });
});

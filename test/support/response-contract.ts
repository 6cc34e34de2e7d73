import { appendFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';
import { openApiDocument } from '../../apps/api/src/http/openapi';

// Every response an end-to-end suite receives from the application (in process, or a spawned service through
// test/support/service-process.ts), checked against the OpenAPI document: a status
// the operation does not document, a media type it does not declare or a JSON body its schema refuses is a broken
// promise to generated clients, and fails the test that made the request (see the afterEach at the bottom).

type Responses = Record<string, { content?: Record<string, { schema?: object }> }>;

interface Route {
  readonly template: string;
  readonly pattern: RegExp;
  /** Literal segments first: `/review-cycles/pack/schema` before `/review-cycles/{cycleId}`. */
  readonly parameters: number;
  readonly operations: Record<string, { responses: Responses }>;
}

export interface Contract {
  readonly routes: readonly Route[];
  readonly ajv: Ajv2020;
}

const DOCUMENT_ID = 'openapi';
const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/;

const violations: string[] = [];
let checked = 0;
let contract: Contract | undefined;

function routeOf(template: string, operations: Route['operations']): Route {
  const parts = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return {
    template,
    pattern: new RegExp(`^${parts.join('[^/]+')}$`),
    parameters: parts.length - 1,
    operations,
  };
}

/** The routes of a document, and its schemas compiled. */
export function contractOf(document: OpenAPIObject): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(document as object, DOCUMENT_ID);
  const routes = Object.entries(document.paths)
    .map(([template, item]) => routeOf(template, item as Route['operations']))
    .sort((a, b) => a.parameters - b.parameters);
  return { routes, ajv };
}

const pointer = (...steps: string[]) => steps.map((step) => step.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function validatorAt(ajv: Ajv2020, path: string): ValidateFunction {
  const ref = `${DOCUMENT_ID}#/${path}`;
  return ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
}

/** What is wrong with one response, or nothing; undefined too for a path the document does not describe. */
export function violationOf(
  { routes, ajv }: Contract,
  method: string,
  path: string,
  status: number,
  contentType: string | undefined,
  body: () => string,
): string | undefined {
  const route = routes.find(({ pattern }) => pattern.test(path));
  const operation = route?.operations[method.toLowerCase()];
  if (route === undefined || operation === undefined) return undefined;
  checked += 1;
  const documented = operation.responses[String(status)] ?? operation.responses.default;
  if (documented === undefined) return `status ${status} is not documented`;
  const media = contentType?.split(';')[0].trim().toLowerCase();
  if (media === undefined || documented.content === undefined) {
    return media === undefined || body() === '' ? undefined : `a ${media} body where none is documented`;
  }
  if (documented.content[media] === undefined) {
    return `${media} is not documented (only ${Object.keys(documented.content).join(', ')})`;
  }
  if (!JSON_MEDIA.test(media)) return undefined;
  const at = pointer('paths', route.template, method.toLowerCase(), 'responses', String(status), 'content', media);
  const validate = validatorAt(ajv, `${at}/schema`);
  if (validate(JSON.parse(body()))) return undefined;
  return `body does not match its schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}`;
}

/** Checks one response (its URL from the path on, query included) and keeps what is wrong for the afterEach below. */
export function checkResponse(
  contract: Contract,
  method: string,
  url: string,
  status: number,
  contentType: string | undefined,
  body: () => string,
): void {
  if (method.toUpperCase() === 'HEAD') return;
  const violation = violationOf(contract, method, url.split('?')[0], status, contentType, body);
  if (violation !== undefined) violations.push(`${method} ${url} → ${status}: ${violation}`);
}

/** The violations found since the last call, forgotten once taken. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

/** Collects a response's body as the application writes it. */
function recordBody(response: Response): () => string {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === 'string')
      chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => Response;
  response.write = ((...args: unknown[]) => (keep(args[0], args[1]), write(...args))) as Response['write'];
  response.end = ((...args: unknown[]) => (keep(args[0], args[1]), end(...args))) as Response['end'];
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Checks each response of the application against its OpenAPI document; mounted before its routes. */
export function checkResponsesAgainstOpenApi(app: INestApplication): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    const body = recordBody(response);
    response.on('finish', () => {
      contract ??= contractOf(openApiDocument(app));
      const contentType = response.getHeader('Content-Type');
      const media = typeof contentType === 'string' ? contentType : undefined;
      checkResponse(contract, request.method, request.originalUrl, response.statusCode, media, body);
    });
    next();
  });
}

// Jest's hooks, registered once by every suite that starts the application through this support; out of Jest there
// are none, and nothing to report to.
if (typeof afterEach === 'function') {
  afterEach(() => {
    const found = takeViolations();
    if (found.length > 0) {
      throw new Error(`responses that do not match the OpenAPI document:\n${found.join('\n')}`);
    }
  });
  afterAll(() => {
    const tally = process.env.PORTFOLIO_RESPONSE_TALLY;
    if (tally !== undefined) appendFileSync(tally, `${expect.getState().testPath ?? ''} ${checked}\n`);
  });
}

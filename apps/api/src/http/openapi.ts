import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ROLES_EXTENSION } from '../auth/roles.decorator';
import { asOpenApi31 } from './openapi-3-1';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemDto } from './problems';

const DESCRIPTION =
  'Event-sourced ledger of a transformation portfolio: commands for the programme office, bi-temporal reads for ' +
  'reviewers, a verifiable audit trail for auditors. Errors are RFC 9457 application/problem+json. What people ' +
  "read (problems' title, detail and field messages; history summaries) is in French or English as " +
  'Accept-Language prefers, French by default; such responses carry Content-Language. Each operation names the ' +
  'roles that may call it (`x-roles`, and its description); the health checks need no credentials.';

/** The groups of operations, in the order a reader meets them. */
const TAGS: readonly [string, string][] = [
  ['session', 'who the caller is, as its credential makes it'],
  ['commands', 'what the programme office records: missions, projects, plans, measurements, review cycles'],
  ['portfolio', 'the portfolio at a date as known at a point of the log, and what changed between two'],
  ['missions', 'missions with their roll-up'],
  ['projects', 'projects, their history, replay and indicator series'],
  ['milestones', 'the milestones of every project'],
  ['review cycles', 'the CITP reviews held, their reports, diffs and committee packs'],
  ['sources', 'the releases of the sources values were recorded from'],
  ['audit', 'the audit log, its export, its verification, signed checkpoints and proofs'],
  ['admin', 'the read models: status and rebuild'],
  ['health', 'liveness and readiness, without credentials'],
];

type Operation = {
  description?: string;
  responses: Record<string, object>;
  [ROLES_EXTENSION]?: readonly string[];
};

/** Every operation of the document. */
function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.values(document.paths).flatMap((path) => Object.values(path) as Operation[]);
}

/** Its roles in words too, for readers of the document that do not show extensions. */
function describeRoles(document: OpenAPIObject): void {
  for (const operation of operationsOf(document)) {
    const roles = operation[ROLES_EXTENSION];
    if (roles === undefined) continue;
    const who = `Roles: ${roles.join(', ')}.`;
    operation.description = operation.description === undefined ? who : `${operation.description}\n\n${who}`;
  }
}

/**
 * What any operation may answer whatever it declares: 400 to a query parameter it does not take (every route refuses
 * them, see declared-query.ts), and 500 to a failure the service did not foresee (a bug, a store answering nonsense).
 */
function documentRefusalsOfEveryRoute(document: OpenAPIObject): void {
  const content = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } };
  for (const operation of operationsOf(document)) {
    operation.responses['400'] ??= { description: 'a query parameter the operation does not take', content };
    operation.responses['500'] ??= { description: 'an unexpected failure, logged with the request id', content };
  }
}

/** The OpenAPI 3.1 description of the API, generated from the controllers and DTOs. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('portfolio-ledger')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', 'the instance serving this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API token or an OIDC access token (JWT)' });
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  describeRoles(document);
  documentRefusalsOfEveryRoute(document);
  return asOpenApi31(document);
}

/** The document at /docs-json and its UI at /docs. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

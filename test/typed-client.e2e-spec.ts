import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import ts from 'typescript';
import { startTestApp, TOKENS, type TestApp } from './support/test-app';

// A client generated from the served OpenAPI document drives the README's journeys: its types compile with no cast
// (test/typed-client/journeys.ts), and its requests and answers are the service's own.

const ROOT = resolve(__dirname, '..');
const JOURNEYS = join(__dirname, 'typed-client', 'journeys.ts');
const GENERATE_TYPES = join(__dirname, 'typed-client', 'generate-types.mjs');
const run = promisify(execFile);

/** How the journeys compile outside the project: strictly, against the generated types and openapi-fetch. */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  paths: { 'openapi-fetch': [join(ROOT, 'node_modules', 'openapi-fetch')] },
  typeRoots: [join(ROOT, 'node_modules', '@types')],
  types: ['node'],
};

/** `x as T`, `<T>x` and `x!`: what a client needs when its types do not say what the service answers. */
function castsIn(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)) {
      found.push(node.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The journeys as this suite calls them; their own types are checked against the generated ones above. */
interface Journeys {
  portfolioClient(baseUrl: string, token: string): unknown;
  recordMeasurements(office: unknown): Promise<{ citp5: string; citp6: string }>;
  timeTravel(
    reviewer: unknown,
    cycles: { citp5: string; citp6: string },
  ): Promise<{ seenByCitp5: unknown; moves: unknown[] }>;
  exportAuditTrail(auditor: unknown): Promise<{ algorithm: string; bundle: Buffer }>;
}

/** Loaded by path: the project's typecheck leaves the journeys out, their types existing only once generated. */
const loadJourneys = async (): Promise<Journeys> => import(JOURNEYS);

let test: TestApp;
let baseUrl: string;
let directory: string;

beforeAll(async () => {
  test = await startTestApp('sqlite');
  const server = test.app.getHttpServer() as Server;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  directory = mkdtempSync(join(tmpdir(), 'typed-client-'));
});

afterAll(async () => {
  await test.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('a client generated from the OpenAPI document', () => {
  it('compiles the journeys with no cast', async () => {
    const document = join(directory, 'openapi.json');
    // Through supertest, not fetch: a pooled keep-alive connection would be stale by the journeys' first command.
    writeFileSync(document, (await request(test.app.getHttpServer()).get('/docs-json').expect(200)).text);
    await run(process.execPath, [GENERATE_TYPES, document, join(directory, 'openapi-types.ts')]);
    const journeys = join(directory, 'journeys.ts');
    copyFileSync(JOURNEYS, journeys);
    const program = ts.createProgram([journeys], COMPILER_OPTIONS);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file?.fileName.replace(directory, '') ?? '';
      return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
    expect(castsIn(program.getSourceFile(journeys) as ts.SourceFile)).toEqual([]);
  }, 60_000);

  it("drives the README's journeys against the service", async () => {
    const { exportAuditTrail, portfolioClient, recordMeasurements, timeTravel } = await loadJourneys();
    const cycles = await recordMeasurements(portfolioClient(baseUrl, TOKENS['programme-office']));
    const seen = await timeTravel(portfolioClient(baseUrl, TOKENS.reviewer), cycles);
    expect(seen).toEqual({ seenByCitp5: 26, moves: [[26, 27]] });
    const { algorithm, bundle } = await exportAuditTrail(portfolioClient(baseUrl, TOKENS.auditor));
    expect(algorithm).toBe('Ed25519');
    expect(bundle.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 60_000);
});

import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  applyMutation,
  hostileQuery,
  hostileSegment,
  mutation,
  NON_JSON_NUMBERS,
  queryWithUnknownNames,
  rawToken,
  textWithForbiddenCharacter,
  toJsonText,
  type JsonPath,
} from './support/arbitraries';
import { AUDIT_LOG_CRITERIA_NAMES } from '../libs/read-models/src/queries/audit-log-criteria';
import { storeOf } from './support/store-probe';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { citp5, franceConnectLaunch, idnumMission, juneBatch, measurementMay2021 } from './support/tech-gouv-requests';
import { replyTo, type Reply } from './support/http-reply';

/**
 * Reliability and security, item 3: whatever a client sends, the service never answers 5xx, a refusal (4xx) appends
 * nothing, and every refusal is an RFC 9457 problem (application/problem+json with type, title, status, detail, code).
 * The full property suite runs on SQLite; PostgreSQL runs the same properties with fewer cases.
 */

const PROBLEM_JSON = /^application\/problem\+json/;
jest.setTimeout(60_000);
// PORTFOLIO_STRESS (npm run test:stress) multiplies the cases: CI runs the default, a release the heavy variant.
const STRESS = Number(process.env.PORTFOLIO_STRESS ?? 1);
const RUNS: Readonly<Record<string, number>> = { sqlite: STRESS, postgres: 0.1 * STRESS };
// CI replays the same cases every run (a failure there is a regression, not luck); the stress run explores new ones.
// PORTFOLIO_FC_SEED replays a run a failure report names.
fc.configureGlobal({ seed: Number(process.env.PORTFOLIO_FC_SEED ?? (STRESS > 1 ? Date.now() : 20211215)) });

interface CommandEndpoint {
  readonly name: string;
  /** The path, with `{p}`, `{m}` and `{i}` for the project, milestone and indicator ids. */
  readonly path: string;
  readonly valid: unknown;
  /** Where the body carries text: the fields that refuse control, bidi and surrogate characters. */
  readonly texts: readonly JsonPath[];
}

const COMMANDS: readonly CommandEndpoint[] = [
  {
    name: 'define a mission',
    path: '/api/v1/missions',
    valid: { ...idnumMission, missionCode: 'PROPERTY' },
    texts: [['name'], ['programme'], ['description']],
  },
  {
    name: 'launch a project',
    path: '/api/v1/projects',
    valid: { ...franceConnectLaunch, projectId: 'property' },
    texts: [
      ['title'],
      ['objective'],
      ['leadOrganisation'],
      ['milestones', 0, 'title'],
      ['indicators', 0, 'label'],
      ['indicators', 0, 'unit'],
    ],
  },
  {
    name: 'reach a milestone',
    path: '/api/v1/projects/{p}/milestones/{m}/reach',
    valid: { reachedOn: '2021-06-30', evidence: 'FranceConnect+ opened with La Poste' },
    texts: [['evidence']],
  },
  {
    name: 'record a measurement',
    path: '/api/v1/projects/{p}/indicators/{i}/measurements',
    valid: { ...measurementMay2021, territory: { level: 'region', code: '84' } },
    texts: [['source']],
  },
  {
    name: 'record a batch of measurements',
    path: '/api/v1/projects/{p}/measurements:batch',
    valid: { measurements: juneBatch },
    texts: [
      ['measurements', 0, 'source'],
      ['measurements', 1, 'source'],
    ],
  },
  {
    name: 'redesign a project',
    path: '/api/v1/projects/{p}/redesigns',
    valid: {
      reason: 'AgentConnect is delivered by a project of its own',
      decidedOn: '2021-07-05',
      decidedBy: 'citp-6',
      changes: {
        objective: 'One identity',
        milestones: { rescheduled: [{ milestoneId: 'agentconnect', to: '2022-06-30' }] },
      },
    },
    texts: [['reason'], ['decidedBy'], ['changes', 'objective']],
  },
  {
    name: 'close a project',
    path: '/api/v1/projects/{p}/close',
    valid: { outcome: 'completed', closedOn: '2021-12-15', note: 'In service' },
    texts: [['note']],
  },
  { name: 'hold a review cycle', path: '/api/v1/review-cycles', valid: citp5, texts: [['title']] },
];

/** A copy of `body` with `value` at `path` (the last key created when missing). */
function withValueAt(body: unknown, path: JsonPath, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
  parent[path[path.length - 1]] = value;
  return copy;
}

/** A body path as problems name it: `milestones[0].title`. */
function fieldPath(path: JsonPath): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

interface ReadEndpoint {
  readonly path: string;
  readonly params: readonly string[];
  readonly role: 'reviewer' | 'auditor';
}

/** `minPosition` waits for the projections (up to 5 s): the properties leave it out, a test of its own covers it. */
const TEMPORAL = ['at', 'asOf'];
const EVENT_CRITERIA = AUDIT_LOG_CRITERIA_NAMES;
const EVENT_FILTERS = ['after', 'limit', ...EVENT_CRITERIA];

const READS: readonly ReadEndpoint[] = [
  { path: '/api/v1/portfolio', params: [...TEMPORAL, 'q', 'health', 'late'], role: 'reviewer' },
  {
    path: '/api/v1/projects',
    params: [...TEMPORAL, 'missionCode', 'status', 'health', 'late', 'q', 'sort', 'limit', 'cursor'],
    role: 'reviewer',
  },
  { path: '/api/v1/milestones', params: [...TEMPORAL, 'overdue', 'limit', 'cursor'], role: 'reviewer' },
  { path: '/api/v1/projects/{p}', params: TEMPORAL, role: 'reviewer' },
  { path: '/api/v1/projects/{p}/history', params: [...TEMPORAL, 'after', 'limit'], role: 'reviewer' },
  { path: '/api/v1/projects/{p}/replay', params: [...TEMPORAL, 'after', 'limit'], role: 'reviewer' },
  { path: '/api/v1/projects/{p}/indicators/{i}/series', params: [...TEMPORAL, 'territory'], role: 'reviewer' },
  { path: '/api/v1/review-cycles', params: TEMPORAL, role: 'reviewer' },
  { path: '/api/v1/review-cycles/{c}', params: TEMPORAL, role: 'reviewer' },
  { path: '/api/v1/review-cycles/{c}/diff', params: ['against', 'format', ...TEMPORAL], role: 'reviewer' },
  { path: '/api/v1/diff', params: ['fromAt', 'fromAsOf', 'toAt', 'toAsOf', 'format'], role: 'reviewer' },
  { path: '/api/v1/events', params: EVENT_FILTERS, role: 'auditor' },
  { path: '/api/v1/audit/export', params: ['format', 'format', ...EVENT_CRITERIA], role: 'auditor' },
];

/** Routes that take no query parameter at all. */
const UNPARAMETERISED: readonly { readonly path: string; readonly role: 'auditor' | 'admin' | undefined }[] = [
  { path: '/health/live', role: undefined },
  { path: '/api/v1/audit/public-key', role: 'auditor' },
  { path: '/api/v1/audit/checkpoint', role: 'auditor' },
  { path: '/api/v1/admin/projections', role: 'admin' },
];

/** The valid fixture's ids, or hostile ones in their place. */
function fill(path: string, ids: { p?: string; m?: string; i?: string; c?: string } = {}): string {
  return path
    .replace('{p}', ids.p ?? 'franceconnect')
    .replace('{m}', ids.m ?? 'franceconnect-plus')
    .replace('{i}', ids.i ?? 'usagers-franceconnect')
    .replace('{c}', ids.c ?? 'citp-5');
}

let cases = 0;

/** Levels of nesting from just past the limit (32) to 5,000: as text, which fast-check can print and shrink. */
const tooDeep = fc.integer({ min: 33, max: 5_000 });
const deepArrayText = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObjectText = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Wraps a value so that a failing property prints it cut to 200 characters (some are 100 kB long). */
function short<T>(value: T): { value: T } {
  return Object.assign({ value }, { [fc.toStringMethod]: () => fc.stringify(value).slice(0, 200) });
}

describe.each(STORE_KINDS)('hostile input on %s', (kind) => {
  const runs = (count: number) => Math.max(3, Math.round(count * RUNS[kind]));
  let testApp: TestApp;
  let server: Server;
  let port: number;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  let casesBefore = 0;

  /** A request sent as written: any method, path (`../` left as is), headers (or none) and body text. */
  function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
    const outgoing = httpRequest({
      host: '127.0.0.1',
      port,
      method,
      path,
      agent,
      headers: body === undefined ? headers : { ...headers, 'Content-Length': Buffer.byteLength(body) },
    });
    const reply = replyTo(outgoing);
    outgoing.end(body);
    return reply;
  }

  const json = { ...bearer('programme-office'), 'Content-Type': 'application/json' };

  /** The properties every answer must have; returns the parsed problem of a refusal. */
  function expectWellFormed(reply: Reply, context: string): Record<string, unknown> | undefined {
    cases += 1;
    const said = `${context.slice(0, 300)} -> ${reply.status} ${String(reply.headers['content-type'])} ${reply.text.slice(0, 300)}`;
    if (reply.status >= 500) throw new Error(`5xx: ${said}`);
    if (reply.status < 400) return undefined;
    if (!PROBLEM_JSON.test(reply.headers['content-type'] ?? '')) throw new Error(`not a problem: ${said}`);
    const body = JSON.parse(reply.text) as Record<string, unknown>;
    const wellFormed =
      typeof body.type === 'string' &&
      body.type.startsWith('urn:portfolio-ledger:problem:') &&
      typeof body.title === 'string' &&
      body.status === reply.status &&
      typeof body.detail === 'string' &&
      typeof body.code === 'string';
    if (!wellFormed) throw new Error(`incomplete problem: ${said}`);
    return body;
  }

  /** A 400 invalid_query naming exactly the unknown parameters (the query string may hold others, known). */
  function expectUnknownNamesRefused(reply: Reply, unknown: readonly string[]): void {
    const problem = expectWellFormed(reply, `${unknown.join(', ')} -> ${reply.status}`);
    expect(problem).toMatchObject({ status: 400, code: 'invalid_query' });
    const named = (problem?.errors as { path: string }[]).map((error) => error.path).sort();
    expect(named).toEqual(unknown.map((name) => `query.${name}`).sort());
  }

  /** Sends a command; a refusal must leave the log as it was. */
  async function command(path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
    const before = await storeOf(testApp).head();
    const reply = await send('POST', path, headers, body);
    const sent = `POST ${path} ${JSON.stringify(headers)} ${String(body ?? '').slice(0, 300)}`;
    const problem = expectWellFormed(reply, sent);
    if (problem !== undefined) {
      const after = await storeOf(testApp).head();
      if (after !== before) throw new Error(`appended on ${reply.status}: ${sent}`);
    }
    return reply;
  }

  beforeAll(async () => {
    casesBefore = cases;
    testApp = await startTestApp(kind);
    server = testApp.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const http = request(server);
    await http.post('/api/v1/missions').set(json).send(idnumMission).expect(201);
    await request(server).post('/api/v1/projects').set(json).send(franceConnectLaunch).expect(201);
    await request(server).post('/api/v1/review-cycles').set(json).send(citp5).expect(201);
  });
  afterAll(async () => {
    agent.destroy();
    await testApp.close();
  });

  describe.each(COMMANDS)('POST to $name', ({ path, valid, texts }) => {
    it('never fails on arbitrary JSON bodies, and a refusal appends nothing', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (body) => {
          await command(fill(path), json, JSON.stringify(body));
        }),
        { numRuns: runs(60) },
      );
    });

    it('never fails on a valid body with one field mutated (types, missing and extra keys, prototype keys, ...)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }).map(short), async ({ value: changes }) => {
          const body = changes.reduce<unknown>((current, change) => applyMutation(current, change), valid);
          await command(fill(path), json, toJsonText(body));
        }),
        { numRuns: runs(150) },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('refuses a control, bidi, surrogate or noncharacter in any text field as invalid_characters, naming it', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...texts), textWithForbiddenCharacter, async (field, text) => {
          const reply = await command(fill(path), json, JSON.stringify(withValueAt(valid, field, text)));
          expect([reply.status, JSON.parse(reply.text)]).toEqual([
            400,
            expect.objectContaining({
              code: 'invalid_characters',
              errors: [{ path: fieldPath(field), message: expect.stringMatching(/ holds U\+[0-9A-F]{4,6}, /) }],
            }),
          ]);
        }),
        { numRuns: runs(40) },
      );
    });

    it('refuses a query parameter it does not take, naming each, and appends nothing', async () => {
      await fc.assert(
        fc.asyncProperty(queryWithUnknownNames([]).map(short), async ({ value: { query, unknown } }) => {
          const reply = await command(`${fill(path)}?${query}`, json, JSON.stringify(valid));
          expectUnknownNamesRefused(reply, unknown);
        }),
        { numRuns: runs(15) },
      );
    });

    it('never fails on hostile recorded headers, and refuses any but printable ASCII, naming the header', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('X-Correlation-Id', 'Idempotency-Key'),
          // What Node lets a client send in a header: TAB, printable ASCII and the bytes past it (read as Latin-1).
          fc.string({
            unit: fc.constantFrom('\t', ' ', 'a', '~', 'é', '\u0080', '\u0085', '\u00a0', '\u00ae', '\u00ff'),
          }),
          async (name, value) => {
            const reply = await command(fill(path), { ...json, [name]: value }, JSON.stringify(valid));
            const trimmed = value.replace(/^[\t ]+|[\t ]+$/g, ''); // as HTTP reads a header value
            if (!/^[\x21-\x7e]{1,128}$/.test(trimmed)) {
              expect([reply.status, JSON.parse(reply.text)]).toEqual([
                400,
                expect.objectContaining({
                  code: 'validation_failed',
                  errors: [expect.objectContaining({ path: `headers.${name}` })],
                }),
              ]);
            }
          },
        ),
        { numRuns: runs(20) },
      );
    });

    it('refuses NaN, Infinity and other non-JSON tokens as malformed JSON (400)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...NON_JSON_NUMBERS),
          fc.nat(),
          fc.constantFrom('replace', 'add'),
          async (token, at, how) => {
            const change =
              how === 'replace'
                ? { kind: 'replace' as const, at, value: rawToken(token) }
                : { kind: 'add' as const, at, key: 'value', value: rawToken(token) };
            const text = toJsonText(applyMutation(valid, change));
            const reply = await command(fill(path), json, text);
            expect(reply.status).toBe(400);
            expect(JSON.parse(reply.text)).toMatchObject({ code: 'malformed_json' });
          },
        ),
        { numRuns: runs(20) },
      );
      const truncated = await command(fill(path), json, JSON.stringify(valid).slice(0, -1));
      expect(JSON.parse(truncated.text)).toMatchObject({ status: 400, code: 'malformed_json' });
    });

    it('refuses a body that is not JSON with 415, whatever its content type', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'text/json',
            'application/jsonp',
            undefined,
          ),
          fc.oneof(fc.constant(JSON.stringify(valid)), fc.string({ minLength: 1, maxLength: 200 })),
          async (contentType, body) => {
            const headers: Record<string, string> = { ...bearer('programme-office') };
            if (contentType !== undefined) headers['Content-Type'] = contentType;
            const reply = await command(fill(path), headers, body);
            expect(reply.status).toBe(415);
          },
        ),
        { numRuns: runs(15) },
      );
    });

    it('refuses any body without credentials with 401, before reading it: compressed, deep or not JSON', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constant(JSON.stringify(valid)),
            tooDeep.map(deepArrayText),
            tooDeep.map(deepObjectText),
            fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
          ),
          fc.constantFrom('application/json', 'text/plain', 'application/xml'),
          fc.constantFrom(undefined, 'gzip', 'deflate', 'br', 'identity'),
          async (text, contentType, encoding) => {
            const headers: Record<string, string> = { 'Content-Type': contentType };
            if (encoding !== undefined) headers['Content-Encoding'] = encoding;
            const reply = await command(fill(path), headers, encoding === 'gzip' ? gzipSync(text) : text);
            expect(JSON.parse(reply.text)).toMatchObject({ status: 401, code: 'unauthenticated' });
          },
        ),
        { numRuns: runs(15) },
      );
    });

    it('refuses a compressed body with 415, whatever its encoding', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            'gzip',
            'x-gzip',
            'deflate',
            'br',
            'compress',
            'zstd',
            'GZIP',
            'gzip, identity',
            'identity, br',
          ),
          async (encoding) => {
            const reply = await command(
              fill(path),
              { ...json, 'Content-Encoding': encoding },
              gzipSync(toJsonText(valid)),
            );
            expect(JSON.parse(reply.text)).toMatchObject({ status: 415, code: 'unsupported_content_encoding' });
          },
        ),
        { numRuns: runs(10) },
      );
    });

    it('refuses a body nested deeper than 32 levels with 400 wherever the nesting is, and never brackets in strings', async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), tooDeep, fc.stringMatching(/^[[\]{}"\\]{1,200}$/), async (at, depth, brackets) => {
          const deep = applyMutation(valid, { kind: 'replace', at, value: rawToken(deepArrayText(depth)) });
          const refused = await command(fill(path), json, toJsonText(deep));
          expect(JSON.parse(refused.text)).toMatchObject({ status: 400, code: 'body_too_deep' });
          const inString = applyMutation(valid, { kind: 'replace', at, value: brackets });
          const reply = await command(fill(path), json, toJsonText(inString));
          expect(JSON.parse(reply.text)).not.toMatchObject({ code: 'body_too_deep' });
        }),
        { numRuns: runs(15) },
      );
    });

    if (path.includes('{p}')) {
      it('never fails on SQL, path and unicode metacharacters in the ids of the path', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.record({ p: fc.option(hostileSegment), m: fc.option(hostileSegment), i: fc.option(hostileSegment) }),
            async ({ p, m, i }) => {
              const target = fill(path, { p: p ?? undefined, m: m ?? undefined, i: i ?? undefined });
              await command(target, json, JSON.stringify(valid));
            },
          ),
          { numRuns: runs(30) },
        );
      });
    }

    it('refuses a body over 4 MB with 413', async () => {
      const before = await storeOf(testApp).head();
      const huge = applyMutation(valid, { kind: 'add', at: 0, key: 'padding', value: 'x'.repeat(4 * 1024 * 1024 + 1) });
      const response = await request(server).post(fill(path)).set(json).send(JSON.stringify(huge));
      cases += 1;
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 413, code: 'body_too_large', detail: expect.any(String) });
      expect(await storeOf(testApp).head()).toBe(before);
    });
  });

  describe.each(READS)('GET $path', ({ path, params, role }) => {
    it('never fails on bad cursors, positions, dates, repeated and huge parameters', async () => {
      await fc.assert(
        fc.asyncProperty(hostileQuery(params).map(short), async ({ value: query }) => {
          const target = `${fill(path)}?${query}`;
          const reply = await send('GET', target, bearer(role));
          expectWellFormed(reply, `GET ${target.slice(0, 300)}`);
        }),
        { numRuns: runs(60) },
      );
    });

    if (/\{[pic]\}/.test(path)) {
      it('never fails on hostile ids in the path', async () => {
        await fc.assert(
          fc.asyncProperty(hostileSegment, hostileSegment, async (p, other) => {
            const target = fill(path, { p, i: other, c: other });
            const reply = await send('GET', target, bearer(role));
            expectWellFormed(reply, `GET ${target.slice(0, 300)}`);
          }),
          { numRuns: runs(20) },
        );
      });
    }
  });

  describe.each([
    ...READS.map(({ path, params, role }) => ({ path, params, role })),
    ...UNPARAMETERISED.map((route) => ({ ...route, params: [] })),
  ])('GET $path with parameters it does not take', ({ path, params, role }) => {
    it('refuses them, naming each', async () => {
      await fc.assert(
        fc.asyncProperty(queryWithUnknownNames(params).map(short), async ({ value: { query, unknown } }) => {
          const target = `${fill(path)}?${query}`;
          const reply = await send('GET', target, role === undefined ? {} : bearer(role));
          expectUnknownNamesRefused(reply, unknown);
        }),
        { numRuns: runs(15) },
      );
    });
  });

  it('refuses a malformed minPosition, and one past the head of the log, at once with a 4xx problem', async () => {
    for (const minPosition of ['-1', 'abc', '1.5', '1e3', '99999999999999999999999999', '1000000']) {
      const started = Date.now();
      const reply = await send('GET', `/api/v1/portfolio?minPosition=${minPosition}`, bearer('reviewer'));
      expectWellFormed(reply, `GET /api/v1/portfolio?minPosition=${minPosition}`);
      expect(reply.status).toBe(400);
      expect(Date.now() - started).toBeLessThan(1_000);
    }
  }, 60_000);

  it('answers a request line over 16 kB (refused by Node before routing) with a 431 problem', async () => {
    const reply = await send('GET', `/api/v1/events?after=${'9'.repeat(20_000)}`, bearer('auditor'));
    expect(reply.status).toBe(431);
    expectWellFormed(reply, 'GET /api/v1/events?after=9999…(20 kB)');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('counts the property cases', () => {
    console.log(`hostile input on ${kind}: ${cases - casesBefore} requests checked (${cases} on all stores so far)`);
    expect(cases - casesBefore).toBeGreaterThan(0);
  });
});

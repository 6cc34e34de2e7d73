import { request as httpRequest, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { storeOf } from './support/store-probe';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { replyTo, type Reply } from './support/http-reply';

/**
 * Reliability and security: a request body costs the service nothing until its sender is authenticated, and then no
 * more than its limits. Bodies are store-independent (nothing is appended on any of these paths), so SQLite alone.
 */

jest.setTimeout(120_000);

/** What a 2-million-deep JSON array took to parse before authentication: seconds of a blocked event loop. */
const DEEP_ARRAY = '['.repeat(2_000_000) + ']'.repeat(2_000_000);
/** The same, gzipped: 4 MB of JSON in about 4 kB on the wire. */
const DEEP_ARRAY_GZIPPED = gzipSync(DEEP_ARRAY);
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** The request timeout of the application under test: a body that trickles in is cut after it. */
const REQUEST_TIMEOUT_MS = 2_000;
/** Generous: the machine running the tests is shared and loaded. */
const PROMPTLY_MS = 10_000;

const json = { 'Content-Type': 'application/json' };
const programmeOffice = { ...bearer('programme-office'), ...json };

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('request bodies', () => {
  let testApp: TestApp;
  let port: number;
  const sockets = new Set<ClientRequest>();

  /**
   * A request on a connection of its own, which the test writes the body of (or part of it) itself. Keep-alive, as
   * clients ask: the service must bound a connection it was not asked to close.
   */
  function open(method: string, path: string, headers: Record<string, string | number>): ClientRequest {
    const outgoing = httpRequest({
      host: '127.0.0.1',
      port,
      method,
      path,
      headers: { Connection: 'keep-alive', ...headers },
      agent: false,
    });
    outgoing.on('error', () => undefined);
    sockets.add(outgoing);
    return outgoing;
  }

  /** Sends the whole body and waits for the answer. */
  function send(path: string, headers: Record<string, string>, body: string | Buffer): Promise<Reply> {
    const outgoing = open('POST', path, { ...headers, 'Content-Length': Buffer.byteLength(body) });
    const reply = replyTo(outgoing);
    outgoing.end(body);
    return reply;
  }

  function problemOf(reply: Reply): Record<string, unknown> {
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    return JSON.parse(reply.text) as Record<string, unknown>;
  }

  beforeAll(async () => {
    testApp = await startTestApp('sqlite', { requestTimeoutMs: REQUEST_TIMEOUT_MS });
    const server: Server = testApp.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => {
    for (const outgoing of sockets) outgoing.destroy();
    sockets.clear();
  });
  afterAll(async () => {
    await testApp.close();
  });

  describe('without credentials', () => {
    it('answers 401 before the body has even arrived', async () => {
      const outgoing = open('POST', '/api/v1/missions', { ...json, 'Content-Length': DEEP_ARRAY.length });
      const reply = replyTo(outgoing);
      // A tenth of the body, and the rest never comes: only an answer that does not wait for the body arrives.
      outgoing.write(DEEP_ARRAY.slice(0, 400_000));
      const refused = await within(PROMPTLY_MS, reply, 'a 401 to a request whose body is still coming');
      expect(refused.status).toBe(401);
      expect(problemOf(refused)).toMatchObject({ status: 401, code: 'unauthenticated' });
    });

    it('cuts a connection whose body trickles in after the 401, once the request timeout has passed', async () => {
      const outgoing = open('POST', '/api/v1/missions', { ...json, 'Content-Length': 1_000 });
      const closed = new Promise((resolve) => outgoing.on('close', resolve));
      const reply = replyTo(outgoing);
      outgoing.write('[');
      const trickle = setInterval(() => outgoing.write('['), 200);
      try {
        expect((await within(PROMPTLY_MS, reply, 'a 401')).status).toBe(401);
        await within(REQUEST_TIMEOUT_MS + PROMPTLY_MS, closed, 'the end of the connection');
      } finally {
        clearInterval(trickle);
      }
    });

    it.each([
      ['a gzipped 2-million-deep array', { 'Content-Encoding': 'gzip' }, DEEP_ARRAY_GZIPPED],
      ['a 2-million-deep array', {}, DEEP_ARRAY],
      ['a body over the size limit', {}, `{"name":"${'x'.repeat(BODY_LIMIT_BYTES)}"}`],
    ])('refuses %s with 401', async (_, headers, body) => {
      const before = await storeOf(testApp).head();
      const reply = await within(PROMPTLY_MS, send('/api/v1/missions', { ...json, ...headers }, body), 'a 401');
      expect(reply.status).toBe(401);
      expect(problemOf(reply)).toMatchObject({ code: 'unauthenticated' });
      expect(await storeOf(testApp).head()).toBe(before);
    });
  });

  describe('from an authenticated caller', () => {
    it('refuses a compressed body with 415', async () => {
      for (const encoding of ['gzip', 'deflate', 'br', 'GZIP', 'identity, gzip']) {
        const reply = await send('/api/v1/missions', { ...programmeOffice, 'Content-Encoding': encoding }, '{}');
        expect(reply.status).toBe(415);
        expect(problemOf(reply)).toMatchObject({ status: 415, code: 'unsupported_content_encoding' });
      }
      const gzipped = await send(
        '/api/v1/missions',
        { ...programmeOffice, 'Content-Encoding': 'gzip' },
        DEEP_ARRAY_GZIPPED,
      );
      expect(problemOf(gzipped)).toMatchObject({ status: 415, code: 'unsupported_content_encoding' });
    });

    it('reads an identity-encoded body as any other', async () => {
      const reply = await send('/api/v1/missions', { ...programmeOffice, 'Content-Encoding': 'identity' }, '{}');
      expect(problemOf(reply)).toMatchObject({ status: 400, code: 'validation_failed' });
    });

    it('refuses a deep array with 400 as soon as it is too deep, before the rest arrives', async () => {
      const outgoing = open('POST', '/api/v1/missions', { ...programmeOffice, 'Content-Length': DEEP_ARRAY.length });
      const reply = replyTo(outgoing);
      outgoing.write(DEEP_ARRAY.slice(0, 1_000));
      const refused = await within(PROMPTLY_MS, reply, 'a 400 to a body too deep');
      expect(problemOf(refused)).toMatchObject({
        status: 400,
        code: 'body_too_deep',
        detail: 'the body nests deeper than 32 levels',
      });
    });

    it('refuses a body that declares more than the limit with 413 before it is sent', async () => {
      const outgoing = open('POST', '/api/v1/missions', { ...programmeOffice, 'Content-Length': BODY_LIMIT_BYTES + 1 });
      const reply = replyTo(outgoing);
      outgoing.flushHeaders();
      const refused = await within(PROMPTLY_MS, reply, 'a 413 to a declared length over the limit');
      expect(problemOf(refused)).toMatchObject({ status: 413, code: 'body_too_large' });
    });

    it('refuses a chunked body with 413 as soon as it passes the limit, without waiting for its end', async () => {
      const outgoing = open('POST', '/api/v1/missions', { ...programmeOffice, 'Transfer-Encoding': 'chunked' });
      const reply = replyTo(outgoing);
      const chunk = `"${'x'.repeat(64 * 1024 - 2)}",`;
      outgoing.write('{"padding":[');
      for (let sent = 0; sent <= BODY_LIMIT_BYTES; sent += chunk.length) outgoing.write(chunk);
      const refused = await within(PROMPTLY_MS, reply, 'a 413 to a chunked body past the limit');
      expect(problemOf(refused)).toMatchObject({ status: 413, code: 'body_too_large' });
    });

    it('cuts a body that trickles in with 408 once the request timeout has passed', async () => {
      const outgoing = open('POST', '/api/v1/missions', { ...programmeOffice, 'Content-Length': 1_000 });
      const reply = replyTo(outgoing);
      const started = Date.now();
      outgoing.write('{"missionCode":');
      const trickle = setInterval(() => outgoing.write(' '), 200);
      try {
        const cut = await within(REQUEST_TIMEOUT_MS + PROMPTLY_MS, reply, 'the end of a trickling request');
        expect(Date.now() - started).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
        expect(cut.headers.connection).toBe('close');
        expect(problemOf(cut)).toMatchObject({ status: 408, code: 'request_timeout' });
      } finally {
        clearInterval(trickle);
      }
    });
  });

  it('keeps answering /health/live while hostile bodies are in flight', async () => {
    const attacks: Promise<Reply>[] = [];
    const bombsSent: Promise<void>[] = [];
    for (let i = 0; i < 4; i++) {
      const bomb = open('POST', '/api/v1/missions', {
        ...json,
        'Content-Encoding': 'gzip',
        'Content-Length': DEEP_ARRAY_GZIPPED.length,
      });
      attacks.push(replyTo(bomb));
      bombsSent.push(new Promise((resolve) => bomb.end(DEEP_ARRAY_GZIPPED, resolve)));
      const deep = open('POST', '/api/v1/missions', { ...programmeOffice, 'Content-Length': DEEP_ARRAY.length });
      attacks.push(replyTo(deep));
      deep.end(DEEP_ARRAY);
    }
    // The small gzipped bombs are on the wire; the 4 MB arrays are still being written.
    await Promise.all(bombsSent);
    const started = Date.now();
    const live = open('GET', '/health/live', {});
    const health = replyTo(live);
    live.end();
    await within(PROMPTLY_MS * 3, health, 'GET /health/live');
    const elapsed = Date.now() - started;
    expect((await health).status).toBe(200);
    expect(elapsed).toBeLessThan(1_000);
    const statuses = (await Promise.all(attacks)).map((reply) => reply.status);
    expect(statuses.sort()).toEqual([400, 400, 400, 400, 401, 401, 401, 401]);
  });
});

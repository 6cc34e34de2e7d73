import type { AddressInfo } from 'node:net';
import type { PortfolioConfig } from '@portfolio/application';
import request from 'supertest';
import type { App } from 'supertest/types';
import { EventStreamClient, type StreamedMessage } from './support/event-stream-client';
import { secondsFromNow, startOidcIssuer, TEST_AUDIENCE } from './support/oidc-issuer';
import { franceConnectLaunch, idnumMission, measurementMay2021 } from './support/tech-gouv-requests';
import { bearer, startTestApp, STORE_KINDS, type StoreKind, type TestApp } from './support/test-app';

// GET /events/stream read as a client reads it, as it arrives: the events recorded after connecting, filtered, each
// once the read models include it; a reconnection with Last-Event-ID that loses and repeats nothing; heartbeats; the
// refusals, which are problems and not streams; the bound on streams; and streams ended by the application's close.

const HEARTBEAT_MS = 150;
const PROJECT = `/api/v1/projects/${franceConnectLaunch.projectId}`;

interface Running {
  readonly testApp: TestApp;
  readonly http: App;
  /** The events stream's URL, with `query`. */
  readonly stream: (query?: string) => string;
}

async function start(kind: StoreKind, overrides: Partial<PortfolioConfig> = {}): Promise<Running> {
  const testApp = await startTestApp(kind, { eventStreamHeartbeatMs: HEARTBEAT_MS, ...overrides });
  const server = await testApp.app.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stream = (query = '') => `${origin}/api/v1/events/stream${query === '' ? '' : `?${query}`}`;
  return { testApp, http: testApp.app.getHttpServer(), stream };
}

/** Records a command as the programme office; its position. */
async function record(http: App, path: string, body: object): Promise<string> {
  const response = await request(http).post(path).set(bearer('programme-office')).send(body).expect(201);
  return String(response.body.position);
}

const mission = (code: string) => ({ ...idnumMission, missionCode: code, name: `Mission ${code}` });
const ids = (messages: readonly StreamedMessage[]) => messages.map((message) => message.id);

/** The items of /events from `fromPosition` on, as the caller with these headers reads them. */
async function eventsPage(http: App, query: string, headers: Record<string, string> = bearer('reviewer')) {
  const { body } = await request(http).get(`/api/v1/events?${query}`).set(headers).expect(200);
  return body.items as { position: string; summary: string }[];
}

describe.each(STORE_KINDS)('the audit log as Server-Sent Events on %s', (kind) => {
  let running: Running;
  beforeAll(async () => {
    running = await start(kind);
  });
  afterAll(async () => {
    await running.testApp.close();
  });

  it('sends the events recorded after connecting, as /events gives them, once the read models include them', async () => {
    const { http, stream } = running;
    await record(http, '/api/v1/missions', idnumMission);
    const client = await EventStreamClient.open(stream(), bearer('reviewer'));
    try {
      expect(client.status).toBe(200);
      expect(client.headers).toMatchObject({
        'content-type': 'text/event-stream',
        'x-accel-buffering': 'no',
        'content-language': 'en',
      });
      expect(client.headers['cache-control']).toContain('no-cache');
      await client.until(() => client.retries.length > 0);

      const launched = await record(http, '/api/v1/projects', franceConnectLaunch);
      const measured = await record(
        http,
        `${PROJECT}/indicators/usagers-franceconnect/measurements`,
        measurementMay2021,
      );
      await client.until(() => client.messages.length >= 2);
      expect(ids(client.messages)).toEqual([launched, measured]);
      expect(client.messages.map((message) => message.data)).toEqual(
        await eventsPage(http, `fromPosition=${launched}`),
      );
      expect(client.messages.every((message) => message.event === undefined)).toBe(true);
      // Sent once the read models include it: the project can be read at once, without minPosition.
      await request(http).get(PROJECT).set(bearer('reviewer')).expect(200);
    } finally {
      await client.close();
    }
  });

  it('resumes after Last-Event-ID (winning over ?after): nothing recorded while disconnected is lost or repeated', async () => {
    const { http, stream } = running;
    const first = await EventStreamClient.open(stream('after=0'), bearer('auditor'));
    const before = await eventsPage(http, 'limit=1000');
    await first.until(() => first.messages.length === before.length);
    await first.close();
    const whileAway = [await record(http, '/api/v1/missions', mission('AWAY1'))];
    whileAway.push(await record(http, '/api/v1/missions', mission('AWAY2')));

    const lastEventId = first.messages[first.messages.length - 1].id;
    const second = await EventStreamClient.open(stream('after=0'), {
      ...bearer('auditor'),
      'Last-Event-ID': lastEventId,
    });
    try {
      await second.until(() => second.messages.length >= 2);
      const after = await record(http, '/api/v1/missions', mission('BACK'));
      await second.until(() => second.messages.length >= 3);
      expect(ids(second.messages)).toEqual([...whileAway, after]);
      const everything = (await eventsPage(http, 'limit=1000')).map((item) => item.position);
      expect([...ids(first.messages), ...ids(second.messages)]).toEqual(everything);
    } finally {
      await second.close();
    }
  });
  it('answers 204 to a stream resumed at its toPosition, so that an EventSource stops reconnecting', async () => {
    const { http, stream } = running;
    const end = await record(http, '/api/v1/missions', mission('ENDED'));
    const first = await EventStreamClient.open(stream(`after=0&toPosition=${end}`), bearer('auditor'));
    await first.ended;
    expect(first.status).toBe(200);
    expect(ids(first.messages).at(-1)).toBe(end);

    const reconnected = await EventStreamClient.open(stream(`after=0&toPosition=${end}`), {
      ...bearer('auditor'),
      'Last-Event-ID': end,
    });
    await reconnected.ended;
    expect(reconnected.status).toBe(204);
    expect(reconnected.text).toBe('');
  });
});

describe('the audit log as Server-Sent Events: filters, language, heartbeats and refusals', () => {
  let running: Running;
  beforeAll(async () => {
    running = await start('sqlite', { eventStreamsMax: 3 });
    await record(running.http, '/api/v1/missions', idnumMission);
  });
  afterAll(async () => {
    await running.testApp.close();
  });

  it('sends only the events the filters of /events select', async () => {
    const { http, stream } = running;
    const project = await EventStreamClient.open(stream('projectId=franceconnect'), bearer('reviewer'));
    const missions = await EventStreamClient.open(stream('type=MissionDefined'), bearer('reviewer'));
    try {
      await Promise.all([
        project.until(() => project.retries.length > 0),
        missions.until(() => missions.retries.length > 0),
      ]);
      const defined = await record(http, '/api/v1/missions', mission('DATA'));
      const launched = await record(http, '/api/v1/projects', franceConnectLaunch);
      const last = await record(http, '/api/v1/missions', mission('LAST'));
      await Promise.all([
        project.until(() => project.messages.length >= 1),
        missions.until(() => missions.messages.length >= 2),
      ]);
      expect(ids(project.messages)).toEqual([launched]);
      expect(ids(missions.messages)).toEqual([defined, last]);
    } finally {
      await Promise.all([project.close(), missions.close()]);
    }
  });

  it('writes the summaries in the language Accept-Language asks, French by default', async () => {
    const { http, stream } = running;
    const french = { ...bearer('reviewer'), 'Accept-Language': 'fr' };
    const client = await EventStreamClient.open(stream('after=0&type=MissionDefined'), french);
    try {
      expect(client.headers['content-language']).toBe('fr');
      const expected = await eventsPage(http, 'type=MissionDefined', french);
      await client.until(() => client.messages.length >= expected.length);
      expect(client.messages.map((message) => (message.data as { summary: string }).summary)).toEqual(
        expected.map((item) => item.summary),
      );
      expect(expected.map((item) => item.summary)).not.toEqual(
        (await eventsPage(http, 'type=MissionDefined')).map((item) => item.summary),
      );
    } finally {
      await client.close();
    }
  });

  it('sends a keep-alive comment whenever nothing came for the heartbeat interval', async () => {
    const client = await EventStreamClient.open(running.stream(), bearer('reviewer'));
    try {
      await client.until(() => client.comments.filter((comment) => comment === 'keep-alive').length >= 3, 3_000);
    } finally {
      await client.close();
    }
  });

  it.each<[string, { query?: string; lastEventId?: string }, number, object]>([
    ['no token', {}, 401, { code: 'unauthenticated' }],
    [
      'a filter that is not a position',
      { query: 'fromPosition=soon' },
      400,
      { code: 'invalid_query', errors: [{ path: 'query.fromPosition' }] },
    ],
    ['a parameter /events/stream does not take', { query: 'limit=10' }, 400, { code: 'invalid_query' }],
    [
      'a Last-Event-ID that is not a position',
      { lastEventId: 'abc' },
      400,
      { code: 'invalid_query', errors: [{ path: 'header.Last-Event-ID' }] },
    ],
  ])('refuses %s with a problem, not a stream', async (_name, { query, lastEventId }, status, problem) => {
    const headers =
      status === 401 ? {} : { ...bearer('reviewer'), ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) };
    const client = await EventStreamClient.open(running.stream(query), headers);
    await client.ended;
    expect(client.status).toBe(status);
    expect(client.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(client.text)).toMatchObject({ status, ...problem });
  });

  it('refuses a stream past the bound with 503 and Retry-After, and takes one again once a client has left', async () => {
    const open = await Promise.all([1, 2, 3].map(() => EventStreamClient.open(running.stream(), bearer('reviewer'))));
    const refused = await EventStreamClient.open(running.stream(), bearer('reviewer'));
    await refused.ended;
    expect(open.map((client) => client.status)).toEqual([200, 200, 200]);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse(refused.text)).toMatchObject({ status: 503, code: 'too_many_event_streams' });

    await open[0].close();
    const admitted = await waitForAdmission(running.stream());
    await Promise.all([admitted, ...open.slice(1)].map((client) => client.close()));
  });
});

/** A stream opened once a slot is free again: the server learns of a client's leaving a moment after it leaves. */
async function waitForAdmission(url: string): Promise<EventStreamClient> {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
    const client = await EventStreamClient.open(url, bearer('reviewer'));
    if (client.status === 200) return client;
    await client.ended;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no stream admitted after a client left');
}

describe('the audit log as Server-Sent Events: who may follow it', () => {
  it('refuses with 403 an identity the identity provider gives no role of the ledger', async () => {
    const issuer = await startOidcIssuer();
    const probe = await startTestApp('sqlite');
    const auth = probe.config.auth;
    await probe.close();
    if (auth.kind !== 'credentials') throw new Error('the test app has credentials');
    const oidc = { issuer: issuer.issuer, audience: TEST_AUDIENCE, rolesClaim: 'roles', maxTokenAgeSeconds: 3600 };
    const running = await start('sqlite', { auth: { ...auth, oidc } });
    try {
      const noRole = await issuer.mint({ sub: 'agent-0', roles: ['owner'], exp: secondsFromNow(600) });
      const client = await EventStreamClient.open(running.stream(), { Authorization: `Bearer ${noRole}` });
      await client.ended;
      expect(client.status).toBe(403);
      expect(JSON.parse(client.text)).toMatchObject({ status: 403, code: 'forbidden' });
    } finally {
      await running.testApp.close();
      await issuer.close();
    }
  });
});

describe('the audit log as Server-Sent Events when the application closes', () => {
  it('ends the open streams at once rather than waiting for them', async () => {
    const running = await start('sqlite', { eventStreamHeartbeatMs: 60_000 });
    const clients = await Promise.all([1, 2].map(() => EventStreamClient.open(running.stream(), bearer('reviewer'))));
    await Promise.all(clients.map((client) => client.until(() => client.retries.length > 0)));
    const closing = Date.now();
    await running.testApp.close();
    await Promise.all(clients.map((client) => client.ended));
    expect(Date.now() - closing).toBeLessThan(2_000);
  });
});

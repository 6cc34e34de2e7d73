import type { StoredEvent } from '@portfolio/event-store';
import request from 'supertest';
import type { App } from 'supertest/types';
import { allEvents, storeOf } from './support/store-probe';
import { bearer, STORE_KINDS, startTestApp, type TestApp } from './support/test-app';
import { franceConnectLaunch, idnumMission } from './support/tech-gouv-requests';

/**
 * Reliability and security, item 2: 50 clients racing on one application instance. Exactly the commands the service
 * accepts are in the log, each once (by its Idempotency-Key, recorded as metadata.commandId); every refused command
 * gets 409 or 412 and leaves nothing behind; no accepted command is lost.
 */

jest.setTimeout(120_000);

const PROBLEM_JSON = /^application\/problem\+json/;
const CLIENTS = 50;
const programmeOffice = bearer('programme-office');
const measurementsPath = (projectId: string) =>
  `/api/v1/projects/${projectId}/indicators/usagers-franceconnect/measurements`;

/** The end of the i-th day after 2020-01-01: a distinct, past measurement period per client. */
function periodOf(index: number): string {
  return new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10);
}

interface Sent {
  readonly key: string;
  readonly projectId: string;
  readonly kind: 'measure' | 'measure-if-match' | 'reach';
  readonly detail: string;
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly contentType: string | undefined;
}

const figures: string[] = [];

describe.each(STORE_KINDS)('50 concurrent clients on %s', (kind) => {
  let testApp: TestApp;
  let http: App;

  beforeEach(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    await request(http).post('/api/v1/missions').set(programmeOffice).send(idnumMission).expect(201);
  });
  afterEach(async () => {
    await testApp.close();
  });

  async function launch(projectId: string): Promise<void> {
    await request(http)
      .post('/api/v1/projects')
      .set(programmeOffice)
      .send({ ...franceConnectLaunch, projectId })
      .expect(201);
  }

  async function post(path: string, body: object, headers: Record<string, string>) {
    const response = await request(http)
      .post(path)
      .set({ ...programmeOffice, ...headers })
      .send(body);
    return {
      status: response.status,
      body: response.body as Record<string, unknown>,
      contentType: response.headers['content-type'] as string | undefined,
    };
  }

  /** One client reaches a project's milestone under its own idempotency key. */
  async function reach(key: string, projectId: string, milestone: string, ifMatch?: string): Promise<Sent> {
    const reply = await post(
      `/api/v1/projects/${projectId}/milestones/${milestone}/reach`,
      { reachedOn: '2021-06-30' },
      { 'Idempotency-Key': key, ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) },
    );
    return { key, projectId, kind: 'reach', detail: milestone, ...reply };
  }

  /** One client records the measurement of its own period (its index) under its own idempotency key. */
  async function measure(key: string, projectId: string, index: number, ifMatch?: string): Promise<Sent> {
    const reply = await post(
      measurementsPath(projectId),
      { value: index, period: periodOf(index) },
      { 'Idempotency-Key': key, ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) },
    );
    const kind = ifMatch === undefined ? 'measure' : 'measure-if-match';
    return { key, projectId, kind, detail: periodOf(index), ...reply };
  }

  /** Every client sends its command at once. */
  const fromEveryClient = (send: (index: number) => Promise<Sent>): Promise<Sent[]> =>
    Promise.all(Array.from({ length: CLIENTS }, (_, index) => send(index)));

  function byCommandId(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
    const index = new Map<string, StoredEvent[]>();
    for (const event of events) {
      const id = String(event.metadata.commandId);
      index.set(id, [...(index.get(id) ?? []), event]);
    }
    return index;
  }

  /** Every accepted command is in the log exactly once; every refused one is a 409/412 problem, absent from the log. */
  function expectExactlyOnce(sent: readonly Sent[], events: readonly StoredEvent[]): void {
    const index = byCommandId(events);
    for (const command of sent) {
      if (command.status < 300) {
        expect({ key: command.key, recorded: index.get(command.key)?.length ?? 0 }).toEqual({
          key: command.key,
          recorded: 1,
        });
      } else {
        expect({
          key: command.key,
          refusedAs: [409, 412].includes(command.status) ? 'conflict' : command.status,
        }).toEqual({
          key: command.key,
          refusedAs: 'conflict',
        });
        expect({ key: command.key, recorded: index.get(command.key)?.length ?? 0 }).toEqual({
          key: command.key,
          recorded: 0,
        });
        expect(command.contentType).toMatch(PROBLEM_JSON);
        expect(command.body).toMatchObject({ status: command.status, code: expect.any(String) });
      }
    }
  }

  function record(name: string, sent: readonly Sent[]): void {
    const accepted = sent.filter((command) => command.status < 300).length;
    figures.push(`${kind} ${name}: ${sent.length} sent, ${accepted} accepted, ${sent.length - accepted} refused`);
  }

  it('one project, the same milestone: exactly one 200, 49 x 409 milestone_already_reached, one event', async () => {
    await launch('franceconnect');
    const sent = await fromEveryClient((index) => reach(`reach-${index}`, 'franceconnect', 'agentconnect'));
    record('same milestone', sent);
    expect(sent.filter((command) => command.status === 200)).toHaveLength(1);
    const refused = sent.filter((command) => command.status !== 200);
    expect(refused.map((command) => [command.status, command.body.code])).toEqual(
      Array.from({ length: CLIENTS - 1 }, () => [409, 'milestone_already_reached']),
    );
    const events = await allEvents(testApp);
    expect(events.filter((event) => event.type === 'MilestoneReached')).toHaveLength(1);
    expectExactlyOnce(sent, events);
  });

  it('one project, the same milestone with If-Match "0": exactly one 200, 49 x 412', async () => {
    await launch('franceconnect');
    const sent = await fromEveryClient((index) =>
      reach(`reach-if-match-${index}`, 'franceconnect', 'agentconnect', '"0"'),
    );
    record('same milestone, If-Match', sent);
    expect(sent.filter((command) => command.status === 200)).toHaveLength(1);
    expect(sent.filter((command) => command.status === 412)).toHaveLength(CLIENTS - 1);
    const events = await allEvents(testApp);
    expect(events.filter((event) => event.type === 'MilestoneReached')).toHaveLength(1);
    expectExactlyOnce(sent, events);
  });

  it('one project, If-Match the revision each client read: exactly one success per revision, the rest 412', async () => {
    await launch('franceconnect');
    const all: Sent[] = [];
    let waiting = Array.from({ length: CLIENTS }, (_, index) => index);
    // Three rounds: every client still waiting reads the revision and races; one wins each round.
    for (let round = 0; round < 3; round += 1) {
      const before = await storeOf(testApp).head();
      const revision =
        (await allEvents(testApp)).filter((event) => event.streamId === 'project-franceconnect').length - 1;
      const sent = await Promise.all(
        waiting.map((index) => measure(`measure-if-match-${round}-${index}`, 'franceconnect', index, `"${revision}"`)),
      );
      const winners = sent.filter((command) => command.status === 201);
      expect(winners).toHaveLength(1);
      expect(winners[0].body.revision).toBe(String(revision + 1));
      expect(sent.filter((command) => command.status === 412)).toHaveLength(sent.length - 1);
      expect(await storeOf(testApp).head()).toBe(before + 1n);
      all.push(...sent);
      waiting = waiting.filter((index) => !winners.some((winner) => winner.detail === periodOf(index)));
    }
    record('If-Match per revision (3 rounds)', all);
    expectExactlyOnce(all, await allEvents(testApp));
  });

  it('one project, different periods without If-Match: all 50 succeed, 50 events, each once', async () => {
    await launch('franceconnect');
    const sent = await fromEveryClient((index) => measure(`measure-${index}`, 'franceconnect', index));
    record('different periods, no If-Match', sent);
    expect(sent.filter((command) => command.status !== 201).map((command) => [command.status, command.body])).toEqual(
      [],
    );
    const events = await allEvents(testApp);
    const measured = events.filter((event) => event.type === 'IndicatorMeasured');
    expect(measured).toHaveLength(CLIENTS);
    expect(new Set(measured.map((event) => event.metadata.commandId)).size).toBe(CLIENTS);
    expect(measured.map((event) => event.revision).sort((a, b) => Number(a - b))).toEqual(
      Array.from({ length: CLIENTS }, (_, index) => BigInt(index + 1)),
    );
    expectExactlyOnce(sent, events);
  });

  it('ten projects, mixed commands: no lost update, each accepted command once, each refusal 409/412', async () => {
    const projects = Array.from({ length: 10 }, (_, index) => `projet-${index}`);
    for (const projectId of projects) await launch(projectId);
    const sent = await fromEveryClient((index) => {
      const projectId = projects[index % projects.length];
      const slot = Math.floor(index / projects.length);
      const key = `mixed-${index}`;
      // Two measurements of distinct periods per project: both must land.
      if (slot <= 1) return measure(key, projectId, index);
      // Two clients reach the same milestone of each project: one wins, the other gets 409.
      if (slot <= 3) return reach(key, projectId, 'franceconnect-plus');
      // One client measures against the revision it read right after the launch: 412 unless it came first.
      return measure(key, projectId, index, '"0"');
    });
    record('ten projects, mixed', sent);
    const events = await allEvents(testApp);
    expectExactlyOnce(sent, events);
    const head = await storeOf(testApp).head();

    for (const projectId of projects) {
      const mine = sent.filter((command) => command.projectId === projectId);
      const accepted = mine.filter((command) => command.status < 300);
      expect(mine.filter((command) => command.kind === 'measure').map((command) => command.status)).toEqual([201, 201]);
      expect(mine.filter((command) => command.kind === 'reach' && command.status === 200)).toHaveLength(1);
      // The stream is the launch followed by exactly the accepted commands, with contiguous revisions.
      const stream = events.filter((event) => event.streamId === `project-${projectId}`);
      expect(stream.map((event) => event.revision)).toEqual(stream.map((_, index) => BigInt(index)));
      expect(stream.slice(1).map((event) => event.metadata.commandId)).toEqual(
        expect.arrayContaining(accepted.map((command) => command.key)),
      );
      expect(stream).toHaveLength(1 + accepted.length);
      // Each accepted command answered the revision its event holds.
      for (const command of accepted) {
        const event = stream.find((candidate) => candidate.metadata.commandId === command.key);
        expect(command.body.revision).toBe(event?.revision.toString());
      }
      // The project as the read model folds it: every accepted measurement and milestone, none refused.
      const { body: history } = await request(http)
        .get(`/api/v1/projects/${projectId}/history?minPosition=${head}`)
        .set(bearer('reviewer'))
        .expect(200);
      const items = (history.items ?? history.events ?? history) as { metadata: { commandId: string } }[];
      expect(
        items
          .map((item) => item.metadata.commandId)
          .slice(1)
          .sort(),
      ).toEqual(accepted.map((command) => command.key).sort());
      const measuredPeriods = stream
        .filter((event) => event.type === 'IndicatorMeasured')
        .map((event) => (event.data as { period: string }).period)
        .sort();
      expect(measuredPeriods).toEqual(
        accepted
          .filter((command) => command.kind !== 'reach')
          .map((command) => command.detail)
          .sort(),
      );
    }
  });
});

afterAll(() => {
  console.log(`contention figures:\n${figures.join('\n')}`);
});

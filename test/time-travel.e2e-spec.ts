import { createHash } from 'node:crypto';
import type { StoredEvent } from '@portfolio/event-store';
import request from 'supertest';
import type { App } from 'supertest/types';
import { allEvents } from './support/store-probe';
import { bearer, STORE_KINDS, startTestApp, TOKENS, type TestApp } from './support/test-app';
import {
  apiParticulierLaunch,
  citp4,
  citp5,
  citp6,
  dataMission,
  delai,
  franceConnect2019,
  franceConnect2020,
  franceConnect2021,
  franceConnectLaunch,
  franceConnectPlusReached,
  franceConnectRestatement,
  hubee2019,
  hubee2020,
  hubee2021,
  hubeeLaunch,
  hubeeRedesign,
  idnumMission,
  usagers,
  vitamClosure,
  vitamLaunch,
  vitamSaasReached,
} from './support/time-travel-scenario';

// One scenario, built once per store through the HTTP API, then read back by a reviewer at several points of the
// bi-temporal plane (business date `at`, knowledge `asOf`). Every figure below is worked out by hand from
// ARCHITECTURE §7: progress = (latest − baseline) / (target − baseline) × 100, expected progress = days elapsed since
// the baseline / days from baseline to target × 100, both capped to [0, 100]; day counts are written out in comments.

type Json = Record<string, unknown>;
type Latest = { value: number; period: string } | null;

const API = '/api/v1';
const programmeOffice = bearer('programme-office');
const reviewer = bearer('reviewer');

/** The scenario's events in append order (1-based ordinals, as numbered in the comments of beforeAll). */
const EVENT_TYPES = [
  'MissionDefined', // 1 IDNUM
  'MissionDefined', // 2 DATA
  'ProjectLaunched', // 3 franceconnect
  'ProjectLaunched', // 4 hubee
  'ProjectLaunched', // 5 vitam
  'IndicatorMeasured', // 6 franceconnect 2019-06-30 = 13
  'IndicatorMeasured', // 7 franceconnect 2019-09-30 = 15
  'IndicatorMeasured', // 8 franceconnect 2019-09-30 = 1.6 in region 84
  'IndicatorMeasured', // 9 hubee 2019-10-31 = 28
  'MilestoneReached', // 10 franceconnect-plus, 31 days late
  'ReviewCycleHeld', // 11 citp-4, sealing 1..10
  'ProjectLaunched', // 12 api-particulier, launched 2019-10-01 but recorded only now
  'IndicatorMeasured', // 13 franceconnect 2020-06-30 = 20
  'IndicatorMeasured', // 14 franceconnect 2020-12-31 = 24
  'IndicatorMeasured', // 15 franceconnect 2020-12-31 = 2.5 in region 84
  'IndicatorMeasured', // 16 hubee 2020-12-31 = 20
  'MilestoneReached', // 17 vitam-saas, on time
  'ReviewCycleHeld', // 18 citp-5, sealing 1..17
  'IndicatorMeasured', // 19 franceconnect 2020-12-31 restated 24 → 25
  'ProjectRedesigned', // 20 hubee, decided 2021-07-05
  'ProjectClosed', // 21 vitam, 2021-06-30
  'IndicatorMeasured', // 22 franceconnect 2021-06-30 = 27
  'IndicatorMeasured', // 23 hubee 2021-06-30 = 18
  'ReviewCycleHeld', // 24 citp-6, sealing 1..23
];

/** Share of `span` days elapsed after `days`, in percent within [0, 100] (expected progress, §7). */
const elapsed = (days: number, span: number): number => Math.min(100, Math.max(0, (100 * days) / span));

const todayInParis = (): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

const actor = {
  id: `token:programme-office:${createHash('sha256').update(TOKENS['programme-office']).digest('hex').slice(0, 12)}`,
  name: 'API token (programme-office)',
  role: 'programme-office',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Expected documents, by project ------------------------------------------------------------------------------

function usagersView(latest: Latest, progress: number | null, expectedProgress: number): Json {
  return {
    ...usagers,
    retired: false,
    latest,
    progress: progress === null ? null : { raw: progress, shown: Math.min(100, Math.max(0, progress)) },
    expectedProgress,
  };
}

const DELAI_V1_TARGET = { value: 10, by: '2021-12-31' };
const DELAI_V2_TARGET = { value: 12, by: '2022-06-30' };

function delaiView(target: Json, latest: Latest, progress: number, expectedProgress: number): Json {
  return {
    ...delai,
    target,
    retired: false,
    latest,
    progress: { raw: progress, shown: Math.min(100, Math.max(0, progress)) },
    expectedProgress,
  };
}

function franceconnect(health: string, overdue: number, indicator: Json): Json {
  return {
    projectId: 'franceconnect',
    missionCode: 'IDNUM',
    title: 'FranceConnect',
    status: 'active',
    outcome: null,
    health,
    planVersion: 1,
    launchedOn: '2019-04-25',
    closedOn: null,
    milestones: { total: 2, reached: 1, reachedLate: 1, overdue },
    indicators: [indicator],
  };
}

function hubee(health: string, planVersion: number, overdue: number, indicator: Json): Json {
  return {
    projectId: 'hubee',
    missionCode: 'DATA',
    title: 'Hubee',
    status: 'active',
    outcome: null,
    health,
    planVersion,
    launchedOn: '2019-07-01',
    closedOn: null,
    milestones: { total: 1, reached: 0, reachedLate: 0, overdue },
    indicators: [indicator],
  };
}

function vitamActive(reached: number): Json {
  return {
    projectId: 'vitam',
    missionCode: 'DATA',
    title: 'Vitam',
    status: 'active',
    outcome: null,
    health: 'green',
    planVersion: 1,
    launchedOn: '2019-05-15',
    closedOn: null,
    milestones: { total: 1, reached, reachedLate: 0, overdue: 0 },
    indicators: [],
  };
}

const vitamClosed: Json = {
  ...vitamActive(1),
  status: 'closed',
  outcome: 'completed',
  health: null,
  closedOn: '2021-06-30',
};

const apiParticulier: Json = {
  projectId: 'api-particulier',
  missionCode: 'DATA',
  title: 'API Particulier',
  status: 'active',
  outcome: null,
  health: 'green',
  planVersion: 1,
  launchedOn: '2019-10-01',
  closedOn: null,
  milestones: { total: 0, reached: 0, reachedLate: 0, overdue: 0 },
  indicators: [],
};

const dataView = (projects: Json[]): Json => ({ ...dataMission, description: null, projects });
const idnumView = (projects: Json[]): Json => ({ ...idnumMission, projects });

function totals(t: {
  projects: number;
  active: number;
  closed: number;
  green: number;
  amber: number;
  red: number;
  reached: number;
  overdue: number;
}): Json {
  return {
    missions: 2,
    projects: t.projects,
    active: t.active,
    closed: t.closed,
    completed: t.closed,
    abandoned: 0,
    health: { green: t.green, amber: t.amber, red: t.red },
    // franceconnect-plus is the only milestone ever reached late.
    milestones: { total: 4, reached: t.reached, reachedLate: 1, overdue: t.overdue },
  };
}

// franceconnect at each date read (baseline 2019-01-01, target 2022-12-31: 1,460 days).
// 2019-11-15: 15 → (15 − 10) / 20 = 25 %, 318 days elapsed; agentconnect (due 2021-03-31) not yet due: green.
const fcAtCitp4 = franceconnect('green', 0, usagersView({ value: 15, period: '2019-09-30' }, 25, elapsed(318, 1460)));
// 2021-02-05 as CITP 5 knew it: 24 → 70 %, 766 days elapsed (52.5 %): green.
const fcAtCitp5 = franceconnect('green', 0, usagersView({ value: 24, period: '2020-12-31' }, 70, elapsed(766, 1460)));
// 2021-02-05 as known now: the restated 25 → 75 %.
const fcAtCitp5Restated = franceconnect(
  'green',
  0,
  usagersView({ value: 25, period: '2020-12-31' }, 75, elapsed(766, 1460)),
);
// 2021-06-30: 27 → 85 %, 911 days; agentconnect 91 days overdue (> 90): red.
const fcJune30 = franceconnect('red', 1, usagersView({ value: 27, period: '2021-06-30' }, 85, elapsed(911, 1460)));
// 2021-07-10: 921 days; agentconnect 101 days overdue: red.
const fcJuly10 = franceconnect('red', 1, usagersView({ value: 27, period: '2021-06-30' }, 85, elapsed(921, 1460)));
// 2021-07-23 (CITP 6): 934 days; agentconnect 114 days overdue: red.
const fcAtCitp6 = franceconnect('red', 1, usagersView({ value: 27, period: '2021-06-30' }, 85, elapsed(934, 1460)));

// hubee (decrease; baseline 30 on 2019-07-01; plan 1 target 10 by 2021-12-31: 914 days; plan 2 from 2021-07-05 targets
// 12 by 2022-06-30: 1,095 days, and moves hubee-ministries from 2020-06-30 to 2021-12-31).
// 2019-11-15: 28 → (28 − 30) / (10 − 30) = 10 %, expected 137 / 914 = 15 %: below, not below half: amber.
const hubeeAtCitp4 = hubee(
  'amber',
  1,
  0,
  delaiView(DELAI_V1_TARGET, { value: 28, period: '2019-10-31' }, 10, elapsed(137, 914)),
);
// 2021-02-05: 20 → 50 %, expected 585 / 914 = 64 %; hubee-ministries 220 days overdue: red.
const hubeeAtCitp5 = hubee(
  'red',
  1,
  1,
  delaiView(DELAI_V1_TARGET, { value: 20, period: '2020-12-31' }, 50, elapsed(585, 914)),
);
// 2021-06-30, before the redesign's date: plan 1; 18 → 60 %, 730 / 914 days; milestone 365 days overdue: red.
const hubeeJune30 = hubee(
  'red',
  1,
  1,
  delaiView(DELAI_V1_TARGET, { value: 18, period: '2021-06-30' }, 60, elapsed(730, 914)),
);
// 2021-07-10, plan 2: 18 → (18 − 30) / (12 − 30) = 66.7 %, expected 740 / 1,095 = 67.6 %: amber.
const hubeeJuly10 = hubee(
  'amber',
  2,
  0,
  delaiView(DELAI_V2_TARGET, { value: 18, period: '2021-06-30' }, (100 * (18 - 30)) / (12 - 30), elapsed(740, 1095)),
);
// 2021-07-23 (CITP 6): 753 / 1,095 = 68.8 %: amber.
const hubeeAtCitp6 = hubee(
  'amber',
  2,
  0,
  delaiView(DELAI_V2_TARGET, { value: 18, period: '2021-06-30' }, (100 * (18 - 30)) / (12 - 30), elapsed(753, 1095)),
);

describe.each(STORE_KINDS)('time travel on %s', (kind) => {
  let testApp: TestApp;
  let http: App;
  let events: StoredEvent[];
  /** The position of the last command: every read waits for the projections to reach it. */
  let lastPosition: string;

  const ev = (n: number): StoredEvent => events[n - 1];
  const pos = (n: number): string => ev(n).position.toString();
  const rec = (n: number): string => ev(n).recordedAt;
  const stamp = (at: string, n: number) => ({ at, asOf: { position: pos(n), recordedAt: rec(n) } });
  const head = () => EVENT_TYPES.length;

  const post = async (path: string, body: object, status: number): Promise<void> => {
    const response = await request(http).post(`${API}${path}`).set(programmeOffice).send(body);
    if (response.status !== status) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
    lastPosition = response.body.position;
  };

  const get = (path: string, query: Record<string, string> = {}, headers: object = reviewer) =>
    request(http)
      .get(`${API}${path}`)
      .query({ minPosition: lastPosition, ...query })
      .set(headers as Record<string, string>);

  /** A read that must succeed: its body. */
  const read = async (path: string, query: Record<string, string> = {}): Promise<Json> => {
    const response = await get(path, query);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    http = testApp.app.getHttpServer();
    // 1. Missions and launches.
    await post('/missions', idnumMission, 201); // 1
    await post('/missions', dataMission, 201); // 2
    await post('/projects', franceConnectLaunch, 201); // 3
    await post('/projects', hubeeLaunch, 201); // 4
    await post('/projects', vitamLaunch, 201); // 5
    // 2. First values, a late milestone, CITP 4.
    await post('/projects/franceconnect/measurements:batch', franceConnect2019, 201); // 6-8
    await post('/projects/hubee/indicators/delai-traitement/measurements', hubee2019, 201); // 9
    await post('/projects/franceconnect/milestones/franceconnect-plus/reach', franceConnectPlusReached, 200); // 10
    await post('/review-cycles', citp4, 201); // 11
    // Distinct recording instants around the reviews and the restatement, so that an ISO asOf resolves to a known
    // position.
    await sleep(5);
    // 3. A project CITP 4 did not know of, more values, an on-time milestone, CITP 5.
    await post('/projects', apiParticulierLaunch, 201); // 12
    await post('/projects/franceconnect/measurements:batch', franceConnect2020, 201); // 13-15
    await post('/projects/hubee/indicators/delai-traitement/measurements', hubee2020, 201); // 16
    await post('/projects/vitam/milestones/vitam-saas/reach', vitamSaasReached, 200); // 17
    await post('/review-cycles', citp5, 201); // 18
    await sleep(5);
    // 4. After CITP 5: a restatement of a value CITP 5 had seen.
    await post('/projects/franceconnect/indicators/usagers-franceconnect/measurements', franceConnectRestatement, 201); // 19
    await sleep(5);
    // 5. Hubee redesigned; 6. Vitam closed, last values, CITP 6.
    await post('/projects/hubee/redesigns', hubeeRedesign, 201); // 20
    await post('/projects/vitam/close', vitamClosure, 200); // 21
    await post('/projects/franceconnect/indicators/usagers-franceconnect/measurements', franceConnect2021, 201); // 22
    await post('/projects/hubee/indicators/delai-traitement/measurements', hubee2021, 201); // 23
    await post('/review-cycles', citp6, 201); // 24
    events = await allEvents(testApp);
  }, 30_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('recorded the scenario as expected', () => {
    expect(events.map((e) => e.type)).toEqual(EVENT_TYPES);
    expect(lastPosition).toBe(pos(head()));
    expect(ev(19).data).toEqual({
      projectId: 'franceconnect',
      indicatorId: 'usagers-franceconnect',
      value: 25,
      period: '2020-12-31',
      territory: { level: 'national', code: 'FR' },
      source: 'DINUM, corrected figures',
      supersedes: 24,
    });
    expect(ev(10).data).toEqual({
      projectId: 'franceconnect',
      milestoneId: 'franceconnect-plus',
      reachedOn: '2019-10-31',
      evidence: 'FranceConnect+ opened with La Poste digital identity',
      daysLate: 31,
    });
    // Each seal covers every event before the review.
    expect([ev(11), ev(18), ev(24)].map((e) => [e.data.sealedPosition, e.data.eventCount])).toEqual([
      [pos(10), 10],
      [pos(17), 17],
      [pos(23), 23],
    ]);
    // Distinct instants around the reviews and the restatement, so that an ISO asOf resolves to exactly one side.
    expect([rec(11) < rec(12), rec(18) < rec(19), rec(19) < rec(20)]).toEqual([true, true, true]);
  });

  // ---- The portfolio at several points of the bi-temporal plane ---------------------------------------------------

  const citp4Portfolio = () => ({
    ...stamp('2019-11-15', 10),
    missions: [dataView([hubeeAtCitp4, vitamActive(0)]), idnumView([fcAtCitp4])],
    totals: totals({ projects: 3, active: 3, closed: 0, green: 2, amber: 1, red: 0, reached: 1, overdue: 0 }),
  });

  const citp5Portfolio = () => ({
    ...stamp('2021-02-05', 17),
    missions: [dataView([apiParticulier, hubeeAtCitp5, vitamActive(1)]), idnumView([fcAtCitp5])],
    totals: totals({ projects: 4, active: 4, closed: 0, green: 3, amber: 0, red: 1, reached: 2, overdue: 1 }),
  });

  const citp6Portfolio = () => ({
    ...stamp('2021-07-23', 23),
    missions: [dataView([apiParticulier, hubeeAtCitp6, vitamClosed]), idnumView([fcAtCitp6])],
    totals: totals({ projects: 4, active: 3, closed: 1, green: 1, amber: 1, red: 1, reached: 2, overdue: 1 }),
  });

  describe('GET /portfolio', () => {
    it('at CITP 4 as CITP 4 knew it (asOf = its sealed position)', async () => {
      expect(await read('/portfolio', { at: '2019-11-15', asOf: pos(10) })).toEqual(citp4Portfolio());
    });

    it('at CITP 4 as known now: the project recorded later, but launched before, is there', async () => {
      expect(await read('/portfolio', { at: '2019-11-15' })).toEqual({
        ...stamp('2019-11-15', head()),
        missions: [dataView([apiParticulier, hubeeAtCitp4, vitamActive(0)]), idnumView([fcAtCitp4])],
        totals: totals({ projects: 4, active: 4, closed: 0, green: 3, amber: 1, red: 0, reached: 1, overdue: 0 }),
      });
    });

    it('at CITP 5 as CITP 5 knew it: the value since restated is the old one', async () => {
      expect(await read('/portfolio', { at: '2021-02-05', asOf: pos(17) })).toEqual(citp5Portfolio());
    });

    it('asOf an ISO instant resolves to the last position recorded by then, whatever its offset', async () => {
      // The instant CITP 5 was recorded: the restatement came later.
      const expected = { ...citp5Portfolio(), ...stamp('2021-02-05', 18) };
      expect(await read('/portfolio', { at: '2021-02-05', asOf: rec(18) })).toEqual(expected);
      const sameInstantInParis = new Date(Date.parse(rec(18)) + 3_600_000).toISOString().replace('Z', '+01:00');
      expect(await read('/portfolio', { at: '2021-02-05', asOf: sameInstantInParis })).toEqual(expected);
      // Before anything was recorded: nothing is known.
      expect(await read('/portfolio', { at: '2021-07-23', asOf: '2019-01-01T00:00:00Z' })).toEqual({
        at: '2021-07-23',
        asOf: { position: '0', recordedAt: null },
        missions: [],
        totals: {
          missions: 0,
          projects: 0,
          active: 0,
          closed: 0,
          completed: 0,
          abandoned: 0,
          health: { green: 0, amber: 0, red: 0 },
          milestones: { total: 0, reached: 0, reachedLate: 0, overdue: 0 },
        },
      });
    });

    it('at CITP 5 as known now: the restated value', async () => {
      expect(await read('/portfolio', { at: '2021-02-05' })).toEqual({
        ...citp5Portfolio(),
        ...stamp('2021-02-05', head()),
        missions: [dataView([apiParticulier, hubeeAtCitp5, vitamActive(1)]), idnumView([fcAtCitp5Restated])],
      });
    });

    it('on 2021-06-30: Vitam closed that day, Hubee still on its first plan', async () => {
      expect(await read('/portfolio', { at: '2021-06-30' })).toEqual({
        ...stamp('2021-06-30', head()),
        missions: [dataView([apiParticulier, hubeeJune30, vitamClosed]), idnumView([fcJune30])],
        totals: totals({ projects: 4, active: 3, closed: 1, green: 1, amber: 0, red: 2, reached: 2, overdue: 2 }),
      });
    });

    it('on 2021-07-10: Hubee on its second plan', async () => {
      expect(await read('/portfolio', { at: '2021-07-10' })).toEqual({
        ...stamp('2021-07-10', head()),
        missions: [dataView([apiParticulier, hubeeJuly10, vitamClosed]), idnumView([fcJuly10])],
        totals: totals({ projects: 4, active: 3, closed: 1, green: 1, amber: 1, red: 1, reached: 2, overdue: 1 }),
      });
    });

    it('at CITP 6 as CITP 6 knew it', async () => {
      expect(await read('/portfolio', { at: '2021-07-23', asOf: pos(23) })).toEqual(citp6Portfolio());
    });

    it('today by default: every target date is past (expected 100 %), both active projects overdue', async () => {
      const today = todayInParis();
      expect(await read('/portfolio')).toEqual({
        ...stamp(today, head()),
        missions: [
          dataView([
            apiParticulier,
            hubee('red', 2, 1, delaiView(DELAI_V2_TARGET, { value: 18, period: '2021-06-30' }, (100 * -12) / -18, 100)),
            vitamClosed,
          ]),
          idnumView([franceconnect('red', 1, usagersView({ value: 27, period: '2021-06-30' }, 85, 100))]),
        ],
        totals: totals({ projects: 4, active: 3, closed: 1, green: 1, amber: 0, red: 2, reached: 2, overdue: 2 }),
      });
    });
  });

  // ---- One project ---------------------------------------------------------------------------------------------

  describe('GET /projects/{projectId}', () => {
    const hubeeDetail = (summary: Json, dueOn: string, overdueDays: number) => ({
      ...summary,
      objective: hubeeLaunch.objective,
      leadOrganisation: 'DINUM',
      note: null,
      milestoneList: [
        {
          milestoneId: 'hubee-ministries',
          title: 'Hubee open to every ministry',
          dueOn,
          reachedOn: null,
          daysLate: null,
          overdueDays,
        },
      ],
    });

    it('shows the redesign only from its decision date on', async () => {
      expect(await read('/projects/hubee', { at: '2021-06-30' })).toEqual({
        ...stamp('2021-06-30', head()),
        ...hubeeDetail(hubeeJune30, '2020-06-30', 365),
      });
      expect(await read('/projects/hubee', { at: '2021-07-10' })).toEqual({
        ...stamp('2021-07-10', head()),
        ...hubeeDetail(hubeeJuly10, '2021-12-31', 0),
      });
    });

    it('shows the first plan on 2021-07-10 as known before the redesign was recorded', async () => {
      // Known at position 19: the 2021-06-30 value is not recorded yet either; 375 days overdue; 20 → 50 %.
      const asKnown = hubee(
        'red',
        1,
        1,
        delaiView(DELAI_V1_TARGET, { value: 20, period: '2020-12-31' }, 50, elapsed(740, 914)),
      );
      expect(await read('/projects/hubee', { at: '2021-07-10', asOf: pos(19) })).toEqual({
        ...stamp('2021-07-10', 19),
        ...hubeeDetail(asKnown, '2020-06-30', 375),
      });
    });

    it('turns red when a milestone is more than 90 days overdue, amber up to 90', async () => {
      const detail = (summary: Json, overdueDays: number) => ({
        ...summary,
        objective: franceConnectLaunch.objective,
        leadOrganisation: 'DINUM',
        note: null,
        milestoneList: [
          {
            milestoneId: 'franceconnect-plus',
            title: 'FranceConnect+ with La Poste digital identity',
            dueOn: '2019-09-30',
            reachedOn: '2019-10-31',
            daysLate: 31,
            overdueDays: 0,
          },
          {
            milestoneId: 'agentconnect',
            title: 'AgentConnect for public agents',
            dueOn: '2021-03-31',
            reachedOn: null,
            daysLate: null,
            overdueDays,
          },
        ],
      });
      // 2021-06-29: 90 days overdue; the latest value is still the restated 25 (75 %), 910 days elapsed.
      const june29 = franceconnect(
        'amber',
        1,
        usagersView({ value: 25, period: '2020-12-31' }, 75, elapsed(910, 1460)),
      );
      expect(await read('/projects/franceconnect', { at: '2021-06-29' })).toEqual({
        ...stamp('2021-06-29', head()),
        ...detail(june29, 90),
      });
      expect(await read('/projects/franceconnect', { at: '2021-06-30' })).toEqual({
        ...stamp('2021-06-30', head()),
        ...detail(fcJune30, 91),
      });
    });

    it('shows a closed project with its outcome and note, and no health', async () => {
      const milestoneList = [
        {
          milestoneId: 'vitam-saas',
          title: 'Vitam offered as a service',
          dueOn: '2020-12-31',
          reachedOn: '2020-11-30',
          daysLate: 0,
          overdueDays: 0,
        },
      ];
      const plan = { objective: vitamLaunch.objective, leadOrganisation: 'Programme Vitam', milestoneList };
      expect(await read('/projects/vitam', { at: '2021-06-29' })).toEqual({
        ...stamp('2021-06-29', head()),
        ...vitamActive(1),
        ...plan,
        note: null,
      });
      expect(await read('/projects/vitam', { at: '2021-06-30' })).toEqual({
        ...stamp('2021-06-30', head()),
        ...vitamClosed,
        ...plan,
        note: 'Vitam v4 in service',
      });
    });

    it('lists projects by mission, status and health, in pages', async () => {
      const page = await read('/projects', { at: '2021-07-10', missionCode: 'DATA', limit: '2' });
      expect(page).toEqual({
        ...stamp('2021-07-10', head()),
        items: [apiParticulier, hubeeJuly10],
        nextCursor: expect.any(String),
      });
      expect(
        await read('/projects', { at: '2021-07-10', missionCode: 'DATA', cursor: String(page.nextCursor) }),
      ).toEqual({ ...stamp('2021-07-10', head()), items: [vitamClosed], nextCursor: null });
      expect(await read('/projects', { at: '2021-06-30', health: 'red' })).toEqual({
        ...stamp('2021-06-30', head()),
        items: [fcJune30, hubeeJune30],
        nextCursor: null,
      });
      expect(await read('/projects', { at: '2021-06-30', status: 'closed' })).toMatchObject({
        items: [vitamClosed],
      });
    });
  });

  // ---- History, replay and series ------------------------------------------------------------------------------

  describe('GET /projects/franceconnect/history and /replay', () => {
    const FC_EVENTS = [3, 6, 7, 8, 10, 13, 14, 15, 19, 22];
    const BUSINESS_DATES = [
      '2019-04-25',
      '2019-06-30',
      '2019-09-30',
      '2019-09-30',
      '2019-10-31',
      '2020-06-30',
      '2020-12-31',
      '2020-12-31',
      '2020-12-31',
      '2021-06-30',
    ];
    const SUMMARIES = [
      'Launched "FranceConnect" in mission IDNUM on 2019-04-25 with 2 milestones and 1 indicator (lead: DINUM)',
      'Measured usagers-franceconnect = 13 for the period ending 2019-06-30 (national FR), source: DINUM',
      'Measured usagers-franceconnect = 15 for the period ending 2019-09-30 (national FR), source: DINUM',
      'Measured usagers-franceconnect = 1.6 for the period ending 2019-09-30 (region 84)',
      'Reached milestone franceconnect-plus on 2019-10-31, 31 days late (evidence: FranceConnect+ opened with La Poste digital identity)',
      'Measured usagers-franceconnect = 20 for the period ending 2020-06-30 (national FR)',
      'Measured usagers-franceconnect = 24 for the period ending 2020-12-31 (national FR)',
      'Measured usagers-franceconnect = 2.5 for the period ending 2020-12-31 (region 84)',
      'Restated usagers-franceconnect for the period ending 2020-12-31 (national FR): 24 → 25, source: DINUM, corrected figures',
      'Measured usagers-franceconnect = 27 for the period ending 2021-06-30 (national FR)',
    ];
    const historyItem = (i: number) => {
      const event = ev(FC_EVENTS[i]);
      return {
        position: event.position.toString(),
        revision: String(i),
        type: event.type,
        businessDate: BUSINESS_DATES[i],
        recordedAt: event.recordedAt,
        summary: SUMMARIES[i],
        data: event.data,
        metadata: event.metadata,
      };
    };
    const items = (from: number, to: number) => [...Array(to - from).keys()].map((i) => historyItem(from + i));

    it('lists every event in order with its summary, and the actor taken from the token', async () => {
      const history = await read('/projects/franceconnect/history');
      expect(history).toEqual({ ...stamp(todayInParis(), head()), items: items(0, 10), nextCursor: null });
      const listed = history.items as { metadata: { actor: unknown } }[];
      expect(listed.map((item) => item.metadata.actor)).toEqual(FC_EVENTS.map(() => actor));
    });

    it('pages by revision, and keeps only what happened by `at`', async () => {
      const first = await read('/projects/franceconnect/history', { limit: '4' });
      expect(first).toMatchObject({ items: items(0, 4), nextCursor: '3' });
      const second = await read('/projects/franceconnect/history', { limit: '4', after: '3' });
      expect(second).toMatchObject({ items: items(4, 8), nextCursor: '7' });
      const third = await read('/projects/franceconnect/history', { limit: '4', after: '7' });
      expect(third).toMatchObject({ items: items(8, 10), nextCursor: null });
      expect(await read('/projects/franceconnect/history', { at: '2019-12-31', asOf: pos(11) })).toEqual({
        ...stamp('2019-12-31', 11),
        items: items(0, 5),
        nextCursor: null,
      });
    });

    it('replays the state after each event, at its business date', async () => {
      const replay = await read('/projects/franceconnect/replay');
      const replayed = replay.items as { revision: string; state: Json & { indicators: Json[] } }[];
      expect(
        replayed.map(({ revision, state }) => [revision, state.health, state.milestones, state.indicators[0].latest]),
      ).toEqual([
        ['0', 'green', { total: 2, reached: 0, reachedLate: 0, overdue: 0 }, null],
        ['1', 'green', { total: 2, reached: 0, reachedLate: 0, overdue: 0 }, { value: 13, period: '2019-06-30' }],
        ['2', 'green', { total: 2, reached: 0, reachedLate: 0, overdue: 0 }, { value: 15, period: '2019-09-30' }],
        ['3', 'green', { total: 2, reached: 0, reachedLate: 0, overdue: 0 }, { value: 15, period: '2019-09-30' }],
        // The late milestone: reached, and reached late.
        ['4', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 15, period: '2019-09-30' }],
        ['5', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 20, period: '2020-06-30' }],
        ['6', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 24, period: '2020-12-31' }],
        ['7', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 24, period: '2020-12-31' }],
        ['8', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 25, period: '2020-12-31' }],
        // 2021-06-30: agentconnect 91 days overdue.
        ['9', 'red', { total: 2, reached: 1, reachedLate: 1, overdue: 1 }, { value: 27, period: '2021-06-30' }],
      ]);
      // The whole item after the late milestone, at 2019-10-31 (303 days after the baseline).
      expect(replayed[4]).toEqual({
        ...historyItem(4),
        state: {
          ...franceconnect('green', 0, usagersView({ value: 15, period: '2019-09-30' }, 25, elapsed(303, 1460))),
          objective: franceConnectLaunch.objective,
          leadOrganisation: 'DINUM',
          note: null,
          milestoneList: [
            {
              milestoneId: 'franceconnect-plus',
              title: 'FranceConnect+ with La Poste digital identity',
              dueOn: '2019-09-30',
              reachedOn: '2019-10-31',
              daysLate: 31,
              overdueDays: 0,
            },
            {
              milestoneId: 'agentconnect',
              title: 'AgentConnect for public agents',
              dueOn: '2021-03-31',
              reachedOn: null,
              daysLate: null,
              overdueDays: 0,
            },
          ],
        },
      });
      expect(replay).toMatchObject({ ...stamp(todayInParis(), head()), nextCursor: null });
      // Paged after a revision, the state still folds every event before it.
      const page = await read('/projects/franceconnect/replay', { after: '4', limit: '2' });
      expect(page).toEqual({ ...stamp(todayInParis(), head()), items: replayed.slice(5, 7), nextCursor: '6' });
    });
  });

  it("replays each project's state as the project read at the event's business date and position", async () => {
    // §7: the state after an event is the fold of the events recorded by then (position ≤ its position) and dated by
    // then (business date ≤ its date). Hubee's 2021-06-30 value was recorded after the redesign decided on 2021-07-05:
    // on 2021-06-30 the first plan was still in force.
    const withoutStamp = (document: Json): Json =>
      Object.fromEntries(Object.entries(document).filter(([key]) => key !== 'at' && key !== 'asOf'));
    const replayed: Record<string, Json[]> = {};
    const asRead: Record<string, Json[]> = {};
    for (const projectId of ['franceconnect', 'hubee', 'vitam', 'api-particulier']) {
      const replay = await read(`/projects/${projectId}/replay`);
      const items = replay.items as { revision: string; position: string; businessDate: string; state: Json }[];
      replayed[projectId] = items.map(({ revision, state }) => ({ revision, state }));
      asRead[projectId] = [];
      for (const { revision, position, businessDate } of items) {
        const detail = await read(`/projects/${projectId}`, { at: businessDate, asOf: position });
        asRead[projectId].push({ revision, state: withoutStamp(detail) });
      }
    }
    expect(replayed).toEqual(asRead);
  });

  describe('GET /projects/franceconnect/indicators/usagers-franceconnect/series', () => {
    const path = '/projects/franceconnect/indicators/usagers-franceconnect/series';
    const once = (n: number, period: string, value: number) => ({
      period,
      value,
      restated: false,
      recorded: [{ value, position: pos(n), recordedAt: rec(n), supersedes: null }],
    });

    it('keeps both values of the restated period', async () => {
      expect(await read(path)).toEqual({
        ...stamp(todayInParis(), head()),
        projectId: 'franceconnect',
        indicatorId: 'usagers-franceconnect',
        territory: 'national:FR',
        values: [
          once(6, '2019-06-30', 13),
          once(7, '2019-09-30', 15),
          once(13, '2020-06-30', 20),
          {
            period: '2020-12-31',
            value: 25,
            restated: true,
            recorded: [
              { value: 24, position: pos(14), recordedAt: rec(14), supersedes: null },
              { value: 25, position: pos(19), recordedAt: rec(19), supersedes: 24 },
            ],
          },
          once(22, '2021-06-30', 27),
        ],
      });
    });

    it('as CITP 5 knew it: not restated yet', async () => {
      expect(await read(path, { at: '2021-02-05', asOf: pos(17) })).toEqual({
        ...stamp('2021-02-05', 17),
        projectId: 'franceconnect',
        indicatorId: 'usagers-franceconnect',
        territory: 'national:FR',
        values: [
          once(6, '2019-06-30', 13),
          once(7, '2019-09-30', 15),
          once(13, '2020-06-30', 20),
          once(14, '2020-12-31', 24),
        ],
      });
    });

    it('for one region', async () => {
      expect(await read(path, { territory: 'region:84' })).toEqual({
        ...stamp(todayInParis(), head()),
        projectId: 'franceconnect',
        indicatorId: 'usagers-franceconnect',
        territory: 'region:84',
        values: [once(8, '2019-09-30', 1.6), once(15, '2020-12-31', 2.5)],
      });
    });
  });

  // ---- Review cycles -------------------------------------------------------------------------------------------

  describe('review cycles', () => {
    const cycle = (n: number, held: { cycleId: string; title: string; heldOn: string }, sealed: number) => ({
      ...held,
      position: pos(n),
      recordedAt: rec(n),
      seal: {
        sealedPosition: pos(sealed),
        merkleRoot: ev(n).data.merkleRoot,
        eventCount: sealed,
        signature: ev(n).data.signature,
      },
    });
    const citp4Cycle = () => cycle(11, citp4, 10);
    const citp5Cycle = () => cycle(18, citp5, 17);
    const citp6Cycle = () => cycle(24, citp6, 23);
    const noChanges = { launched: [], milestonesReached: [], redesigned: [], closed: [] };

    it('GET /review-cycles lists the cycles held, with their seals, as known at asOf', async () => {
      expect(await read('/review-cycles')).toEqual({
        ...stamp(todayInParis(), head()),
        items: [citp4Cycle(), citp5Cycle(), citp6Cycle()],
      });
      expect(await read('/review-cycles', { asOf: pos(23) })).toEqual({
        ...stamp(todayInParis(), 23),
        items: [citp4Cycle(), citp5Cycle()],
      });
      expect(await read('/review-cycles', { at: '2020-12-31' })).toEqual({
        ...stamp('2020-12-31', head()),
        items: [citp4Cycle()],
      });
    });

    it('GET /review-cycles/citp-4: the first cycle counts everything as new', async () => {
      expect(await read('/review-cycles/citp-4')).toEqual({
        ...stamp(todayInParis(), head()),
        ...citp4Cycle(),
        previousCycle: null,
        portfolio: citp4Portfolio(),
        changes: {
          ...noChanges,
          since: null,
          until: '2019-11-15',
          launched: [
            { projectId: 'franceconnect', title: 'FranceConnect', launchedOn: '2019-04-25' },
            { projectId: 'hubee', title: 'Hubee', launchedOn: '2019-07-01' },
            { projectId: 'vitam', title: 'Vitam', launchedOn: '2019-05-15' },
          ],
          milestonesReached: [
            { projectId: 'franceconnect', milestoneId: 'franceconnect-plus', reachedOn: '2019-10-31', daysLate: 31 },
          ],
          indicatorMoves: [
            {
              projectId: 'franceconnect',
              indicatorId: 'usagers-franceconnect',
              from: null,
              to: { value: 15, period: '2019-09-30' },
            },
            {
              projectId: 'hubee',
              indicatorId: 'delai-traitement',
              from: null,
              to: { value: 28, period: '2019-10-31' },
            },
          ],
        },
      });
    });

    it('GET /review-cycles/citp-5: the portfolio as known when held, and what changed since CITP 4', async () => {
      expect(await read('/review-cycles/citp-5')).toEqual({
        ...stamp(todayInParis(), head()),
        ...citp5Cycle(),
        previousCycle: { cycleId: 'citp-4', heldOn: '2019-11-15' },
        // The 24 restated to 25 after the review: the report keeps 24.
        portfolio: citp5Portfolio(),
        changes: {
          ...noChanges,
          since: '2019-11-15',
          until: '2021-02-05',
          launched: [{ projectId: 'api-particulier', title: 'API Particulier', launchedOn: '2019-10-01' }],
          milestonesReached: [{ projectId: 'vitam', milestoneId: 'vitam-saas', reachedOn: '2020-11-30', daysLate: 0 }],
          indicatorMoves: [
            {
              projectId: 'franceconnect',
              indicatorId: 'usagers-franceconnect',
              from: { value: 15, period: '2019-09-30' },
              to: { value: 24, period: '2020-12-31' },
            },
            {
              projectId: 'hubee',
              indicatorId: 'delai-traitement',
              from: { value: 28, period: '2019-10-31' },
              to: { value: 20, period: '2020-12-31' },
            },
          ],
        },
      });
    });

    it('GET /review-cycles/citp-6: the redesign and the closure', async () => {
      expect(await read('/review-cycles/citp-6')).toEqual({
        ...stamp(todayInParis(), head()),
        ...citp6Cycle(),
        previousCycle: { cycleId: 'citp-5', heldOn: '2021-02-05' },
        portfolio: citp6Portfolio(),
        changes: {
          ...noChanges,
          since: '2021-02-05',
          until: '2021-07-23',
          redesigned: [{ projectId: 'hubee', fromPlanVersion: 1, toPlanVersion: 2 }],
          closed: [{ projectId: 'vitam', outcome: 'completed', closedOn: '2021-06-30' }],
          // From the values CITP 5 knew (24, not the restated 25).
          indicatorMoves: [
            {
              projectId: 'franceconnect',
              indicatorId: 'usagers-franceconnect',
              from: { value: 24, period: '2020-12-31' },
              to: { value: 27, period: '2021-06-30' },
            },
            {
              projectId: 'hubee',
              indicatorId: 'delai-traitement',
              from: { value: 20, period: '2020-12-31' },
              to: { value: 18, period: '2021-06-30' },
            },
          ],
        },
      });
    });

    it('GET /review-cycles/citp-6/diff compares with CITP 5 by default', async () => {
      const fc = 'missions[IDNUM].projects[franceconnect]';
      const usagersPath = `${fc}.indicators[usagers-franceconnect]`;
      const hb = 'missions[DATA].projects[hubee]';
      const delaiPath = `${hb}.indicators[delai-traitement]`;
      const vt = 'missions[DATA].projects[vitam]';
      expect(await read('/review-cycles/citp-6/diff')).toEqual({
        ...stamp(todayInParis(), head()),
        from: 'citp-5',
        to: 'citp-6',
        added: [],
        removed: [],
        changed: [
          { path: `${hb}.health`, from: 'red', to: 'amber' },
          { path: `${delaiPath}.expectedProgress`, from: elapsed(585, 914), to: elapsed(753, 1095) },
          { path: `${delaiPath}.latest.period`, from: '2020-12-31', to: '2021-06-30' },
          { path: `${delaiPath}.latest.value`, from: 20, to: 18 },
          { path: `${delaiPath}.progress.raw`, from: 50, to: (100 * -12) / -18 },
          { path: `${delaiPath}.progress.shown`, from: 50, to: (100 * -12) / -18 },
          { path: `${delaiPath}.target.by`, from: '2021-12-31', to: '2022-06-30' },
          { path: `${delaiPath}.target.value`, from: 10, to: 12 },
          { path: `${hb}.milestones.overdue`, from: 1, to: 0 },
          { path: `${hb}.planVersion`, from: 1, to: 2 },
          { path: `${vt}.closedOn`, from: null, to: '2021-06-30' },
          { path: `${vt}.health`, from: 'green', to: null },
          { path: `${vt}.outcome`, from: null, to: 'completed' },
          { path: `${vt}.status`, from: 'active', to: 'closed' },
          { path: `${fc}.health`, from: 'green', to: 'red' },
          { path: `${usagersPath}.expectedProgress`, from: elapsed(766, 1460), to: elapsed(934, 1460) },
          { path: `${usagersPath}.latest.period`, from: '2020-12-31', to: '2021-06-30' },
          { path: `${usagersPath}.latest.value`, from: 24, to: 27 },
          { path: `${usagersPath}.progress.raw`, from: 70, to: 85 },
          { path: `${usagersPath}.progress.shown`, from: 70, to: 85 },
          { path: `${fc}.milestones.overdue`, from: 0, to: 1 },
          { path: 'totals.active', from: 4, to: 3 },
          { path: 'totals.closed', from: 0, to: 1 },
          { path: 'totals.completed', from: 0, to: 1 },
          { path: 'totals.health.amber', from: 0, to: 1 },
          { path: 'totals.health.green', from: 3, to: 1 },
        ],
      });
    });

    it('GET /review-cycles/citp-6/diff?against=citp-4 shows the project CITP 4 did not know as added', async () => {
      const fc = 'missions[IDNUM].projects[franceconnect]';
      const usagersPath = `${fc}.indicators[usagers-franceconnect]`;
      const hb = 'missions[DATA].projects[hubee]';
      const delaiPath = `${hb}.indicators[delai-traitement]`;
      const vt = 'missions[DATA].projects[vitam]';
      expect(await read('/review-cycles/citp-6/diff', { against: 'citp-4' })).toEqual({
        ...stamp(todayInParis(), head()),
        from: 'citp-4',
        to: 'citp-6',
        added: [{ path: 'missions[DATA].projects[api-particulier]', value: apiParticulier }],
        removed: [],
        changed: [
          { path: `${delaiPath}.expectedProgress`, from: elapsed(137, 914), to: elapsed(753, 1095) },
          { path: `${delaiPath}.latest.period`, from: '2019-10-31', to: '2021-06-30' },
          { path: `${delaiPath}.latest.value`, from: 28, to: 18 },
          { path: `${delaiPath}.progress.raw`, from: 10, to: (100 * -12) / -18 },
          { path: `${delaiPath}.progress.shown`, from: 10, to: (100 * -12) / -18 },
          { path: `${delaiPath}.target.by`, from: '2021-12-31', to: '2022-06-30' },
          { path: `${delaiPath}.target.value`, from: 10, to: 12 },
          { path: `${hb}.planVersion`, from: 1, to: 2 },
          { path: `${vt}.closedOn`, from: null, to: '2021-06-30' },
          { path: `${vt}.health`, from: 'green', to: null },
          { path: `${vt}.milestones.reached`, from: 0, to: 1 },
          { path: `${vt}.outcome`, from: null, to: 'completed' },
          { path: `${vt}.status`, from: 'active', to: 'closed' },
          { path: `${fc}.health`, from: 'green', to: 'red' },
          { path: `${usagersPath}.expectedProgress`, from: elapsed(318, 1460), to: elapsed(934, 1460) },
          { path: `${usagersPath}.latest.period`, from: '2019-09-30', to: '2021-06-30' },
          { path: `${usagersPath}.latest.value`, from: 15, to: 27 },
          { path: `${usagersPath}.progress.raw`, from: 25, to: 85 },
          { path: `${usagersPath}.progress.shown`, from: 25, to: 85 },
          { path: `${fc}.milestones.overdue`, from: 0, to: 1 },
          { path: 'totals.closed', from: 0, to: 1 },
          { path: 'totals.completed', from: 0, to: 1 },
          { path: 'totals.health.green', from: 2, to: 1 },
          { path: 'totals.health.red', from: 0, to: 1 },
          { path: 'totals.milestones.overdue', from: 0, to: 1 },
          { path: 'totals.milestones.reached', from: 1, to: 2 },
          { path: 'totals.projects', from: 3, to: 4 },
        ],
      });
    });

    it('GET /review-cycles/citp-4/diff has nothing to compare with by default: 400', async () => {
      const detail = 'review cycle citp-4 is the first: name one to compare it against';
      const response = await get('/review-cycles/citp-4/diff').expect(400);
      expect(response.body).toEqual({
        type: 'urn:portfolio-ledger:problem:invalid_query',
        title: 'Bad Request',
        status: 400,
        detail,
        instance: '/api/v1/review-cycles/citp-4/diff',
        code: 'invalid_query',
        errors: [{ path: 'query.against', message: detail }],
      });
    });
  });

  describe('GET /diff', () => {
    it('CITP 4 as it knew the portfolio against the same date as known now', async () => {
      expect(
        await read('/diff', { fromAt: '2019-11-15', fromAsOf: pos(10), toAt: '2019-11-15', toAsOf: pos(head()) }),
      ).toEqual({
        from: stamp('2019-11-15', 10),
        to: stamp('2019-11-15', head()),
        added: [{ path: 'missions[DATA].projects[api-particulier]', value: apiParticulier }],
        removed: [],
        changed: [
          { path: 'totals.active', from: 3, to: 4 },
          { path: 'totals.health.green', from: 2, to: 3 },
          { path: 'totals.projects', from: 3, to: 4 },
        ],
      });
    });

    it('the restatement: one date, before and after it was recorded (asOf as an instant)', async () => {
      const fcIndicator = 'missions[IDNUM].projects[franceconnect].indicators[usagers-franceconnect]';
      expect(
        await read('/diff', { fromAt: '2021-02-05', fromAsOf: rec(18), toAt: '2021-02-05', toAsOf: rec(19) }),
      ).toEqual({
        from: stamp('2021-02-05', 18),
        to: stamp('2021-02-05', 19),
        added: [],
        removed: [],
        changed: [
          { path: `${fcIndicator}.latest.value`, from: 24, to: 25 },
          { path: `${fcIndicator}.progress.raw`, from: 70, to: 75 },
          { path: `${fcIndicator}.progress.shown`, from: 70, to: 75 },
        ],
      });
    });
  });

  // ---- Audit log -----------------------------------------------------------------------------------------------

  describe('GET /events', () => {
    const positionsOf = (page: Json) => (page.items as { position: string }[]).map((item) => item.position);
    const positions = (...ns: number[]) => ns.map(pos);

    it('filters by project, and pages with limit and after', async () => {
      expect(positionsOf(await read('/events', { projectId: 'franceconnect' }))).toEqual(
        positions(3, 6, 7, 8, 10, 13, 14, 15, 19, 22),
      );
      const first = await read('/events', { projectId: 'franceconnect', limit: '4' });
      expect([positionsOf(first), first.nextCursor]).toEqual([positions(3, 6, 7, 8), pos(8)]);
      const second = await read('/events', { projectId: 'franceconnect', limit: '4', after: pos(8) });
      expect([positionsOf(second), second.nextCursor]).toEqual([positions(10, 13, 14, 15), pos(15)]);
      const third = await read('/events', { projectId: 'franceconnect', limit: '4', after: pos(15) });
      expect([positionsOf(third), third.nextCursor]).toEqual([positions(19, 22), null]);
    });

    it("filters by mission (the mission's events and its projects'), by type, by actor and by time", async () => {
      expect(positionsOf(await read('/events', { missionCode: 'DATA' }))).toEqual(
        positions(2, 4, 5, 9, 12, 16, 17, 20, 21, 23),
      );
      expect(positionsOf(await read('/events', { type: 'ReviewCycleHeld' }))).toEqual(positions(11, 18, 24));
      expect(positionsOf(await read('/events', { actor: actor.id, limit: '1000' }))).toEqual(
        EVENT_TYPES.map((_, i) => pos(i + 1)),
      );
      expect(positionsOf(await read('/events', { recordedFrom: rec(19) }))).toEqual(positions(19, 20, 21, 22, 23, 24));
      const redesign = ev(20);
      expect(await read('/events', { type: 'ProjectRedesigned' })).toEqual({
        items: [
          {
            position: pos(20),
            revision: '3',
            type: 'ProjectRedesigned',
            businessDate: '2021-07-05',
            recordedAt: rec(20),
            summary:
              'Redesigned (plan v2) on 2021-07-05 by DINUM steering committee: rescheduled 1 milestone, retargeted 1 indicator' +
              ' — "Ministries join one by one: the opening is phased"',
            data: {
              projectId: 'hubee',
              planVersion: 2,
              reason: hubeeRedesign.reason,
              decidedOn: '2021-07-05',
              decidedBy: 'DINUM steering committee',
              changes: {
                milestones: {
                  added: [],
                  removed: [],
                  rescheduled: [{ milestoneId: 'hubee-ministries', from: '2020-06-30', to: '2021-12-31' }],
                },
                indicators: {
                  added: [],
                  retired: [],
                  retargeted: [{ indicatorId: 'delai-traitement', from: DELAI_V1_TARGET, to: DELAI_V2_TARGET }],
                },
              },
            },
            metadata: { ...redesign.metadata, actor },
            streamId: 'project-hubee',
            eventId: redesign.eventId,
            hash: redesign.hash,
            prevHash: ev(16).hash,
          },
        ],
        nextCursor: null,
      });
    });
  });

  // ---- Refusals ------------------------------------------------------------------------------------------------

  describe('refusals', () => {
    const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };
    const problem = (status: number, code: string, detail: string, instance: string, errors?: object[]) => ({
      type: `urn:portfolio-ledger:problem:${code}`,
      title: TITLES[status],
      status,
      detail,
      instance,
      code,
      ...(errors === undefined ? {} : { errors }),
    });
    const expectProblem = async (response: request.Test, body: object) => {
      const answered = await response;
      expect(answered.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ status: answered.status, body: answered.body }).toEqual({ status: (body as Json).status, body });
    };

    it('404 for an unknown project or cycle, and for a project or cycle not yet known at (at, asOf)', async () => {
      const unknownProject = (id: string) => `project ${id} is not known at the requested time`;
      await expectProblem(
        get('/projects/data-pass'),
        problem(404, 'project_not_found', unknownProject('data-pass'), '/api/v1/projects/data-pass'),
      );
      await expectProblem(
        get('/projects/hubee', { at: '2019-06-30' }),
        problem(404, 'project_not_found', unknownProject('hubee'), '/api/v1/projects/hubee'),
      );
      await expectProblem(
        get('/projects/data-pass/history'),
        problem(404, 'project_not_found', unknownProject('data-pass'), '/api/v1/projects/data-pass/history'),
      );
      const unknownCycle = (id: string) => `review cycle ${id} is not known at the requested time`;
      await expectProblem(
        get('/review-cycles/citp-9'),
        problem(404, 'review_cycle_not_found', unknownCycle('citp-9'), '/api/v1/review-cycles/citp-9'),
      );
      await expectProblem(
        get('/review-cycles/citp-6', { asOf: pos(23) }),
        problem(404, 'review_cycle_not_found', unknownCycle('citp-6'), '/api/v1/review-cycles/citp-6'),
      );
    });

    it('400 for a date that does not exist, and for an asOf that is neither a position nor an instant', async () => {
      const atDetail = 'at must be a real calendar date written YYYY-MM-DD';
      await expectProblem(
        get('/portfolio', { at: '2021-02-30' }),
        problem(400, 'invalid_query', atDetail, '/api/v1/portfolio', [{ path: 'query.at', message: atDetail }]),
      );
      const asOfDetail = 'asOf must be a position or an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z';
      await expectProblem(
        get('/portfolio', { asOf: 'yesterday' }),
        problem(400, 'invalid_query', asOfDetail, '/api/v1/portfolio', [{ path: 'query.asOf', message: asOfDetail }]),
      );
    });

    it('400 for an instant on a day that does not exist, not rolled over to March (asOf, recordedFrom)', async () => {
      const asOfDetail = 'asOf must be a position or an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z';
      const fromDetail = 'recordedFrom must be an ISO-8601 instant with its offset, such as 2021-02-05T18:00:00Z';
      const answered = [
        await get('/portfolio', { asOf: '2021-02-30T12:00:00Z' }),
        await get('/events', { recordedFrom: '2021-02-30T00:00:00Z' }),
      ];
      expect(answered.map((response) => [response.status, response.body])).toEqual([
        [
          400,
          problem(400, 'invalid_query', asOfDetail, '/api/v1/portfolio', [{ path: 'query.asOf', message: asOfDetail }]),
        ],
        [
          400,
          problem(400, 'invalid_query', fromDetail, '/api/v1/events', [
            { path: 'query.recordedFrom', message: fromDetail },
          ]),
        ],
      ]);
    });

    it('404 for the series of an indicator the project does not have, or of a project that does not exist', async () => {
      await expectProblem(
        get('/projects/franceconnect/indicators/usagers/series'),
        problem(
          404,
          'indicator_not_found',
          'indicator usagers is not known at the requested time',
          '/api/v1/projects/franceconnect/indicators/usagers/series',
        ),
      );
      await expectProblem(
        get('/projects/data-pass/indicators/usagers/series'),
        problem(
          404,
          'project_not_found',
          'project data-pass is not known at the requested time',
          '/api/v1/projects/data-pass/indicators/usagers/series',
        ),
      );
    });

    it('400 on GET /diff names the parameter the caller sent', async () => {
      const detail = 'fromAt must be a real calendar date written YYYY-MM-DD';
      await expectProblem(
        get('/diff', { fromAt: '2021-02-30', toAt: '2021-07-23' }),
        problem(400, 'invalid_query', detail, '/api/v1/diff', [{ path: 'query.fromAt', message: detail }]),
      );
    });

    it('401 for a read without credentials; every role may read; only an admin manages projections', async () => {
      await expectProblem(
        get('/portfolio', {}, {}),
        problem(401, 'unauthenticated', 'missing bearer token', '/api/v1/portfolio'),
      );
      await expectProblem(
        get('/portfolio', {}, { Authorization: 'Bearer not-a-real-token-at-all' }),
        problem(401, 'unauthenticated', 'invalid or expired token', '/api/v1/portfolio'),
      );
      for (const role of ['reviewer', 'auditor', 'programme-office', 'admin'] as const) {
        const response = await get('/portfolio', { at: '2021-07-23', asOf: pos(23) }, bearer(role));
        expect({ role, status: response.status, body: response.body }).toEqual({
          role,
          status: 200,
          body: citp6Portfolio(),
        });
      }
      for (const role of ['reviewer', 'auditor', 'programme-office'] as const) {
        const rebuild = await request(http).post(`${API}/admin/projections/rebuild`).set(bearer(role));
        expect({ role, status: rebuild.status, code: rebuild.body.code }).toEqual({
          role,
          status: 403,
          code: 'forbidden',
        });
      }
    });
  });

  // ---- Rebuild: last, since it replaces the read models every test above read -----------------------------------

  it('rebuilds the read models into documents identical to those served before', async () => {
    const documents: [string, Record<string, string>][] = [
      ['/portfolio', {}],
      ['/portfolio', { at: '2019-11-15', asOf: pos(10) }],
      ['/portfolio', { at: '2019-11-15' }],
      ['/portfolio', { at: '2021-02-05', asOf: pos(17) }],
      ['/portfolio', { at: '2021-02-05', asOf: rec(18) }],
      ['/portfolio', { at: '2021-02-05' }],
      ['/portfolio', { at: '2021-06-30' }],
      ['/portfolio', { at: '2021-07-10' }],
      ['/portfolio', { at: '2021-07-23', asOf: pos(23) }],
      ['/review-cycles', {}],
      ['/review-cycles/citp-6/diff', {}],
      ['/review-cycles/citp-6/diff', { against: 'citp-4' }],
      ['/diff', { fromAt: '2019-11-15', fromAsOf: pos(10), toAt: '2021-07-23' }],
      ['/projects', { at: '2021-07-10' }],
      ['/projects/franceconnect/history', {}],
      ['/projects/franceconnect/replay', {}],
      ['/projects/franceconnect/indicators/usagers-franceconnect/series', {}],
      ['/projects/franceconnect/indicators/usagers-franceconnect/series', { territory: 'region:84' }],
      ['/projects/hubee/indicators/delai-traitement/series', { asOf: pos(19) }],
      ['/events', {}],
      ['/events', { missionCode: 'DATA', limit: '3', after: pos(4) }],
      ...['citp-4', 'citp-5', 'citp-6'].map((cycleId): [string, Record<string, string>] => [
        `/review-cycles/${cycleId}`,
        {},
      ]),
      ...['franceconnect', 'hubee', 'vitam', 'api-particulier'].flatMap((projectId) =>
        ['2019-11-15', '2021-02-05', '2021-06-30', '2021-07-10', '2021-07-23'].flatMap(
          (at): [string, Record<string, string>][] => [
            [`/projects/${projectId}`, { at }],
            [`/projects/${projectId}`, { at, asOf: pos(10) }],
          ],
        ),
      ),
    ];
    const readAll = async () => {
      const bodies: { path: string; query: Record<string, string>; status: number; body: unknown }[] = [];
      for (const [path, query] of documents) {
        const response = await get(path, query);
        bodies.push({ path, query, status: response.status, body: response.body });
      }
      return bodies;
    };
    const before = await readAll();
    // API Particulier was not known at position 10: those reads answer 404, before and after alike.
    expect(before.filter((d) => d.status !== 200).map((d) => [d.path, d.query.at, d.query.asOf])).toEqual(
      ['2019-11-15', '2021-02-05', '2021-06-30', '2021-07-10', '2021-07-23'].map((at) => [
        '/projects/api-particulier',
        at,
        pos(10),
      ]),
    );

    const admin = bearer('admin');
    const started = await request(http).post(`${API}/admin/projections/rebuild`).set(admin).expect(202);
    expect(started.body).toEqual({
      rebuild: {
        generation: 2,
        state: 'running',
        position: '0',
        target: '0',
        progress: 0,
        startedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      },
    });
    let status: Json = {};
    for (let attempt = 0; attempt < 100; attempt++) {
      status = (await request(http).get(`${API}/admin/projections`).set(admin).expect(200)).body;
      if ((status.rebuild as Json | undefined)?.state === 'done') break;
      await sleep(50);
    }
    const last = pos(head());
    const projector = (name: string) => ({
      name,
      generation: 2,
      position: last,
      head: last,
      lag: '0',
      state: expect.stringMatching(/^(live|catching_up)$/),
    });
    expect(status).toEqual({
      projectors: [projector('portfolio'), projector('audit-log')],
      rebuild: {
        generation: 2,
        state: 'done',
        position: last,
        target: last,
        progress: 100,
        startedAt: started.body.rebuild.startedAt,
        finishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      },
    });

    const after = await readAll();
    for (let i = 0; i < documents.length; i++) expect(after[i]).toEqual(before[i]);
    // And the rebuilt documents are still the ones worked out by hand.
    expect(await read('/portfolio', { at: '2021-02-05', asOf: pos(17) })).toEqual(citp5Portfolio());
    expect(await read('/portfolio', { at: '2021-07-23', asOf: pos(23) })).toEqual(citp6Portfolio());
  });
});

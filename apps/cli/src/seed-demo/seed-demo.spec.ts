import { businessDateOf, type DomainEvent, type ProjectState } from '@portfolio/domain';
import { join } from 'node:path';
import { describeSeedSummary } from './describe-seed-summary';
import { idempotencyKeyOf, isBarometreStep, seedDemo } from './seed-demo';
import { PROGRAMME, TECH_GOUV_PORTFOLIO } from './tech-gouv-portfolio';
import type { LedgerPort } from '../ledger-port';
import { InMemoryLedger } from '../testing/in-memory-ledger';
import type { CommandStep, SeedOptions, SeedSummary } from './types';

const DATA_DIR = join(__dirname, '../../../../demo-data');
const TODAY = '2023-06-30';
const OPTIONS: SeedOptions = { dataDir: DATA_DIR, today: TODAY };
const COMMAND_STEPS = TECH_GOUV_PORTFOLIO.filter((step): step is CommandStep => !isBarometreStep(step));

async function seeded(): Promise<{ ledger: InMemoryLedger; summary: SeedSummary }> {
  const ledger = new InMemoryLedger(TODAY);
  const summary = await seedDemo(ledger, OPTIONS);
  return { ledger, summary };
}

function launchedOrFail(state: ProjectState) {
  if (state.status === 'not_launched') throw new Error('expected a launched project');
  return state;
}

/** Index in the log of the ReviewCycleHeld of a cycle. */
function cycleIndex(ledger: InMemoryLedger, cycleId: string): number {
  const index = ledger.log.findIndex((r) => r.event.type === 'ReviewCycleHeld' && r.event.data.cycleId === cycleId);
  if (index < 0) throw new Error(`cycle ${cycleId} not held`);
  return index;
}

describe('seedDemo: the Tech.gouv portfolio', () => {
  let ledger: InMemoryLedger;
  let summary: SeedSummary;

  // The demo imports two whole Baromètre releases (~1,900 measurements) before any test: seconds on a loaded CI machine.
  beforeAll(async () => {
    ({ ledger, summary } = await seeded());
  }, 30_000);

  it('plays every step on a fresh ledger: none refused, each command appending events', () => {
    expect(summary).toMatchObject({
      steps: TECH_GOUV_PORTFOLIO.length,
      applied: TECH_GOUV_PORTFOLIO.length,
      alreadyThere: 0,
      refused: [],
      aborted: false,
    });
    const demoSends = ledger.sent.filter((s) => s.key.startsWith('demo:'));
    expect(demoSends.map((s) => s.key)).toEqual(COMMAND_STEPS.map(idempotencyKeyOf));
    expect(demoSends.filter((s) => s.appended === 0)).toEqual([]);
    expect(summary.eventsAppended).toBe(demoSends.reduce((sum, s) => sum + s.appended, 0));
  });

  it('defines the 8 missions of Tech.gouv on 2019-04-25, each with at least two projects', () => {
    const missions = ledger.eventsOf('MissionDefined').filter((e) => e.data.programme === PROGRAMME);
    expect(missions.map((e) => e.data.missionCode)).toEqual([
      'LABEL',
      'IDNUM',
      'DATA',
      'INFRA',
      'PILOT',
      'TALENTS',
      'BETA',
      'TRANSFO',
    ]);
    expect(new Set(missions.map((e) => e.data.definedOn))).toEqual(new Set(['2019-04-25']));

    const launches = ledger
      .eventsOf('ProjectLaunched')
      .filter((e) => missions.some((m) => m.data.missionCode === e.data.missionCode));
    expect(launches.length).toBeGreaterThanOrEqual(16);
    for (const { data } of missions) {
      expect(launches.filter((e) => e.data.missionCode === data.missionCode).length).toBeGreaterThanOrEqual(2);
    }
    for (const { data } of launches) {
      expect(data.milestones.length).toBeGreaterThan(0);
      expect(data.indicators.length).toBeGreaterThan(0);
    }
  });

  it('records the facts of 2021: FranceConnect, GouvTech, civil status, digital diagnostics', async () => {
    const franceconnect = launchedOrFail(await ledger.project('franceconnect'));
    expect(franceconnect.measurements['usagers']['national:FR']['2021-06-30']).toBe(26);
    expect(franceconnect.measurements['services-raccordes']['national:FR']['2021-06-30']).toBe(950);
    const gouvtech = launchedOrFail(await ledger.project('gouvtech-catalogue'));
    expect(gouvtech.milestones['catalogue-en-ligne'].reachedOn).toMatch(/^2021-05-/);
    expect(gouvtech.measurements['produits-references']['national:FR']['2021-05-31']).toBe(400);
    const demarches = launchedOrFail(await ledger.project('demarches-250'));
    expect(demarches.indicators['actes-etat-civil-en-ligne']).toMatchObject({
      target: { value: 90, by: '2022-12-31' },
    });
    expect(demarches.measurements['actes-etat-civil-en-ligne']['national:FR']['2021-05-31']).toBe(87);
    const pme = launchedOrFail(await ledger.project('numerisation-tpe-pme'));
    expect(pme.indicators['entreprises-diagnostiquees']).toMatchObject({
      baseline: { value: 4106, on: '2021-01-31' },
      target: { value: 30000, by: '2022-12-31' },
    });
  });

  it('reaches milestones, some of them late', () => {
    const reached = ledger.eventsOf('MilestoneReached');
    expect(reached.length).toBeGreaterThanOrEqual(10);
    expect(reached.filter((e) => e.data.daysLate > 0).length).toBeGreaterThanOrEqual(5);
    expect(reached.find((e) => e.data.projectId === 'cloud-au-centre')?.data).toMatchObject({
      milestoneId: 'doctrine-adoptee',
      reachedOn: '2021-05-17',
      daysLate: 47,
    });
  });

  it('redesigns the expertise-lending scheme at the 6th CITP: new objective, new plan', async () => {
    const redesign = ledger
      .eventsOf('ProjectRedesigned')
      .find((e) => e.data.projectId === 'mise-a-disposition-expertise');
    expect(redesign?.data).toMatchObject({
      planVersion: 2,
      decidedBy: 'citp-6',
      decidedOn: '2021-07-23',
      reason: expect.stringContaining('n’a pas donné de résultats probants'),
      changes: {
        objective: expect.stringMatching(/^Refondre/),
        milestones: {
          removed: ['cinquante-missions'],
          added: [expect.objectContaining({ milestoneId: 'dispositif-refondu' })],
        },
        indicators: {
          retired: ['missions-d-expertise'],
          added: [expect.objectContaining({ indicatorId: 'demandes-satisfaites' })],
        },
      },
    });
    const project = launchedOrFail(await ledger.project('mise-a-disposition-expertise'));
    expect(project.status).toBe('active');
    expect(project.indicators['missions-d-expertise'].retired).toBe(true);
    expect(Object.keys(project.milestones).sort()).toEqual(['dispositif-refondu', 'premieres-missions']);
  });

  it('closes at least three projects as completed by the end of 2021', () => {
    const closed = ledger
      .eventsOf('ProjectClosed')
      .filter((e) => e.data.outcome === 'completed' && e.data.closedOn <= '2021-12-31');
    expect(closed.length).toBeGreaterThanOrEqual(3);
    expect(closed.map((e) => e.data.projectId)).toEqual(
      expect.arrayContaining(['cloud-au-centre', 'hubee', 'suivi-depenses-numeriques']),
    );
  });

  it('holds CITP 1, 4, 5 and 6 at their dates, in log order, each sealing the log as it stood', () => {
    const held = ledger.eventsOf('ReviewCycleHeld').map((e) => [e.data.cycleId, e.data.heldOn]);
    expect(held).toEqual([
      ['citp-1', '2018-02-01'],
      ['citp-4', '2019-11-15'],
      ['citp-5', '2021-02-05'],
      ['citp-6', '2021-07-23'],
    ]);
    for (const [cycleId, heldOn] of held) {
      const index = cycleIndex(ledger, cycleId);
      const cycle = ledger.log[index].event as Extract<DomainEvent, { type: 'ReviewCycleHeld' }>;
      expect(cycle.data.eventCount).toBe(index);
      // No committee knew a fact dated after its meeting.
      const known = ledger.log.slice(0, index).map((r) => businessDateOf(r.event));
      expect(known.filter((date) => date > heldOn)).toEqual([]);
    }
    expect(ledger.eventsOf('ReviewCycleHeld')[0].data.eventCount).toBe(0);
  });

  it('records a few facts about earlier periods after a cycle, so that each committee saw less than we know', () => {
    for (const cycleId of ['citp-4', 'citp-5', 'citp-6']) {
      const index = cycleIndex(ledger, cycleId);
      const heldOn = (ledger.log[index].event as Extract<DomainEvent, { type: 'ReviewCycleHeld' }>).data.heldOn;
      const late = ledger.log
        .slice(index + 1)
        .filter((r) => r.idempotencyKey.startsWith('demo:') && businessDateOf(r.event) < heldOn);
      expect({ cycleId, late: late.length > 0 }).toEqual({ cycleId, late: true });
    }
    // Hubee's start of service (January 2021) was reported after the 5th CITP.
    const hubee = ledger.log.findIndex(
      (r) => r.event.type === 'MilestoneReached' && r.event.data.projectId === 'hubee',
    );
    expect(hubee).toBeGreaterThan(cycleIndex(ledger, 'citp-5'));
  });

  it('imports both Baromètre releases after the 6th CITP, the second restating values of the first', () => {
    expect(summary.barometre.map((b) => [b.release, b.imported])).toEqual([
      ['2021-07-23', true],
      ['2023-01-19', true],
    ]);
    expect(summary.barometre[0].summary?.measurementsAdded).toBeGreaterThan(0);
    expect(summary.barometre[1].summary?.measurementsRestated).toBeGreaterThan(0);
    const firstImport = ledger.log.findIndex((r) => r.idempotencyKey.startsWith('barometre:'));
    expect(firstImport).toBeGreaterThan(cycleIndex(ledger, 'citp-6'));
    const restatements = ledger.eventsOf('IndicatorMeasured').filter((e) => e.data.supersedes !== undefined);
    expect(restatements.length).toBeGreaterThan(0);
    // The portfolio's own copy of the digital diagnostics: 16,960 known at the 6th CITP, restated to 15,861 in 2023.
    const restated = ledger.log.findIndex(
      (r) =>
        r.event.type === 'IndicatorMeasured' &&
        r.event.data.projectId === 'numerisation-tpe-pme' &&
        r.event.data.period === '2021-06-30' &&
        r.event.data.supersedes === 16960,
    );
    expect(restated).toBeGreaterThan(cycleIndex(ledger, 'citp-6'));
    expect((ledger.log[restated].event.data as { value: number }).value).toBe(15861);
  });

  it("imports the 2023-01-19 regional synthesis after that release's national one: each region's published value", async () => {
    expect(summary.barometre.map((b) => b.territorial !== undefined)).toEqual([false, true]);
    expect(summary.barometre[1].territorial).toMatchObject({ territorialValuesPublished: 862, rowsRejected: 0 });
    const regional = ledger.log.findIndex((r) => r.idempotencyKey.includes(':current:region:'));
    const national = ledger.log.findLastIndex(
      (r) => r.idempotencyKey.includes(':current:') && !r.idempotencyKey.includes(':region:'),
    );
    expect(regional).toBeGreaterThan(national);
    const project = launchedOrFail(
      await ledger.project('offrir-une-scolarisation-inclusive-a-tous-les-enfants-handicapes'),
    );
    expect(project.publishedCurrent['nombre-creation-ulis']['region:84']).toMatchObject({
      value: 1268,
      period: '2022-09-30',
    });
  });

  it('describes what it did', () => {
    const text = describeSeedSummary(summary);
    expect(text).toContain(`DONE: ${TECH_GOUV_PORTFOLIO.length} of ${TECH_GOUV_PORTFOLIO.length} demo steps`);
    expect(text).toContain('refused:        0');
    expect(text).toMatch(/Baromètre 2023-01-19: 1240 rows read, .* \d+ restated/);
    expect(text).toMatch(/Baromètre 2023-01-19: .* \d+ indicators monitored without a target, .* 0 rows left out/);
    // The release of 2023 revised five targets of 2021's, each through a redesign: the summary says so.
    expect(text).toMatch(/Baromètre 2023-01-19: .* 0 redesigned to add indicators, 5 targets revised by the release/);
    expect(text).toContain(
      'Baromètre 2023-01-19, territorial synthesis: 862 current values published for a region or département, 0 rows left out',
    );
  });
});

describe('seedDemo: idempotence', () => {
  it('appends nothing when seeded twice', async () => {
    const { ledger } = await seeded();
    const before = ledger.log.length;
    const again = await seedDemo(ledger, OPTIONS);
    expect(ledger.log.length).toBe(before);
    expect(again).toMatchObject({
      applied: 0,
      alreadyThere: TECH_GOUV_PORTFOLIO.length,
      eventsAppended: 0,
      refused: [],
      aborted: false,
    });
    expect(again.barometre.map((b) => b.imported)).toEqual([false, false]);
    expect(describeSeedSummary(again)).toContain('Baromètre 2021-07-23: already imported by an earlier seed');
  });

  it('stops between steps when aborted, and a second seed completes the same log', async () => {
    const straight = (await seeded()).ledger;

    const ledger = new InMemoryLedger(TODAY);
    const controller = new AbortController();
    const first = await seedDemo(ledger, {
      ...OPTIONS,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 40) controller.abort();
      },
    });
    expect(first).toMatchObject({ aborted: true, applied: 40, refused: [] });
    const second = await seedDemo(ledger, OPTIONS);
    expect(second).toMatchObject({ aborted: false, applied: TECH_GOUV_PORTFOLIO.length - 40, alreadyThere: 40 });
    expect(ledger.log.map((r) => [r.streamId, r.event])).toEqual(straight.log.map((r) => [r.streamId, r.event]));
  });

  it('imports the regional synthesis again when stopped during it, and the second seed completes the same log', async () => {
    const straight = (await seeded()).ledger;
    const ledger = new InMemoryLedger(TODAY);
    const controller = new AbortController();
    // Stopped after the first regional values were sent: the release's step is not over.
    const stopping: LedgerPort = {
      send: async (command, key) => {
        const sent = await ledger.send(command, key);
        if (key.includes(':current:region:')) controller.abort();
        return sent;
      },
      project: (projectId) => ledger.project(projectId),
      mission: (missionCode) => ledger.mission(missionCode),
    };
    const first = await seedDemo(stopping, { ...OPTIONS, signal: controller.signal });
    expect(first.aborted).toBe(true);
    expect(first.barometre[1].territorial).toMatchObject({
      aborted: true,
      territorialValuesPublished: expect.any(Number),
    });
    const second = await seedDemo(ledger, OPTIONS);
    expect(second.aborted).toBe(false);
    expect(second.barometre.map((b) => [b.release, b.imported])).toEqual([
      ['2021-07-23', false],
      ['2023-01-19', true],
    ]);
    expect(ledger.log.map((r) => [r.streamId, r.event])).toEqual(straight.log.map((r) => [r.streamId, r.event]));
  });

  it('counts a review cycle already held under another key as already there', async () => {
    const ledger = new InMemoryLedger(TODAY);
    await ledger.send({ type: 'HoldReviewCycle', cycleId: 'citp-1', title: 'CITP 1', heldOn: '2018-02-01' }, 'by-hand');
    const summary = await seedDemo(ledger, OPTIONS);
    expect(summary).toMatchObject({ alreadyThere: 1, refused: [] });
  });

  it('lists a step the domain refuses and goes on with the next', async () => {
    const ledger = new InMemoryLedger(TODAY);
    const step = (id: string) => COMMAND_STEPS.find((s) => s.id === id)?.command;
    const data = step('mission-data');
    const hubee = step('launch-hubee');
    if (data === undefined || hubee?.type !== 'LaunchProject') throw new Error('the demo has no DATA mission or Hubee');
    // Hubee launched beforehand with another plan: the demo's milestone is not in it.
    await ledger.send(data, 'by-hand:data');
    await ledger.send({ ...hubee, milestones: [] }, 'by-hand:hubee');
    const summary = await seedDemo(ledger, OPTIONS);
    expect(summary.refused).toEqual([
      {
        id: 'reach-hubee-mise-en-service',
        code: 'milestone_not_found',
        message: expect.stringContaining('mise-en-service'),
      },
    ]);
    expect((await ledger.project('hubee')).status).toBe('closed');
  });

  it('refuses to start when today comes before the last fact of the demo', async () => {
    const ledger = new InMemoryLedger('2021-12-31');
    await expect(seedDemo(ledger, { ...OPTIONS, today: '2021-12-31' })).rejects.toThrow(
      /today \(2021-12-31\) comes before the demo's last fact \(2023-01-19\)/,
    );
    expect(ledger.log).toEqual([]);
  });
});

describe('the demo data', () => {
  it('gives every step a unique slug id, and says which dates are approximate', () => {
    const ids = TECH_GOUV_PORTFOLIO.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{1,63}$/);
    for (const step of COMMAND_STEPS.filter(
      (s) => s.command.type === 'HoldReviewCycle' || s.command.type === 'DefineMission',
    )) {
      expect(step.approximate).toMatch(/approximate/);
    }
  });

  it('names the source of every measurement', () => {
    for (const step of COMMAND_STEPS) {
      if (step.command.type !== 'RecordMeasurements') continue;
      for (const m of step.command.measurements) expect(m.source).toMatch(/DINUM|Baromètre|illustrative/);
    }
  });
});

import { foldProject, type LaunchedProject, type PlannedMilestone, type ProjectEvent } from '@portfolio/domain';
import { deepFreeze } from '../../../domain/src/testing/deep-freeze';
import {
  comptesActifs,
  delaiRaccordement,
  franceconnectClosed,
  franceconnectLaunched,
  franceconnectPlusPostponed,
  measured,
  reached,
} from '../../../domain/src/testing/tech-gouv';
import { measuredProgress } from '../testing/indicator-rates';
import type { IndicatorView, MilestoneView } from './documents';
import { projectDetail, projectSummary } from './project-view';

// Both indicators run from 2019-01-01 to 2022-12-31: 1,460 days. Comptes actifs: 10 → 30 million; délai: 120 → 30 days.
const SPAN = 1460;

function given(...events: ProjectEvent[]): LaunchedProject {
  return deepFreeze(foldProject(events)) as LaunchedProject;
}

function indicator(
  definition: typeof comptesActifs,
  latest: IndicatorView['latest'],
  progress: IndicatorView['progress'],
  daysElapsed: number,
): IndicatorView {
  return {
    ...definition,
    nationalFrom: null,
    annualTargets: [],
    retired: false,
    latest,
    monitoredOnly: false,
    ...measuredProgress(definition, latest, progress?.raw ?? null),
    expectedProgress: (100 * daysElapsed) / SPAN,
  };
}

/** A milestone of FranceConnect's first plan, as the detail lists it. */
function milestone(milestoneId: 'raccordement-impots' | 'franceconnect-plus', seen: Partial<MilestoneView> = {}) {
  const planned = franceconnectLaunched.data.milestones.find((m) => m.milestoneId === milestoneId) as PlannedMilestone;
  return { ...planned, reachedOn: null, daysLate: null, overdueDays: 0, ...seen };
}

const plan = {
  projectId: 'franceconnect',
  missionCode: 'IDNUM',
  title: 'FranceConnect',
  planVersion: 1,
  launchedOn: '2019-06-03',
};

describe('the project documents', () => {
  it('just launched: nothing measured, nothing due, green', () => {
    const project = given(franceconnectLaunched);
    // 2019-06-30: 180 days after the baselines.
    expect(projectDetail(project, '2019-06-30')).toEqual({
      ...plan,
      status: 'active',
      outcome: null,
      health: 'green',
      closedOn: null,
      milestones: { total: 2, reached: 0, reachedLate: 0, overdue: 0 },
      indicators: [indicator(comptesActifs, null, null, 180), indicator(delaiRaccordement, null, null, 180)],
      objective: franceconnectLaunched.data.objective,
      leadOrganisation: 'DINUM',
      note: null,
      milestoneList: [milestone('raccordement-impots'), milestone('franceconnect-plus')],
      territorialRates: [],
    });
  });

  it("shows each indicator's latest national value and progress, a late milestone, and one overdue", () => {
    const project = given(
      franceconnectLaunched,
      measured('comptes-actifs', 15_000_000, '2019-12-31'),
      measured('comptes-actifs', 20_000_000, '2020-06-30'),
      measured('comptes-actifs', 3_000_000, '2020-09-30', { territory: { level: 'region', code: '84' } }),
      measured('delai-raccordement', 75, '2020-06-30'),
      reached('raccordement-impots', '2020-01-15', 15),
    );
    // 2020-09-30: 638 days elapsed (43.7 % expected); both indicators half way: (20 − 10) / 20, (75 − 120) / (30 − 120).
    // franceconnect-plus, due 2020-06-30, is 92 days overdue: more than 90, red.
    const summary = {
      ...plan,
      status: 'active',
      outcome: null,
      health: 'red',
      closedOn: null,
      milestones: { total: 2, reached: 1, reachedLate: 1, overdue: 1 },
      indicators: [
        indicator(comptesActifs, { value: 20_000_000, period: '2020-06-30' }, { raw: 50, shown: 50 }, 638),
        indicator(delaiRaccordement, { value: 75, period: '2020-06-30' }, { raw: 50, shown: 50 }, 638),
      ],
    };
    expect(projectSummary(project, '2020-09-30')).toEqual(summary);
    expect(projectDetail(project, '2020-09-30')).toEqual({
      ...summary,
      objective: franceconnectLaunched.data.objective,
      leadOrganisation: 'DINUM',
      note: null,
      milestoneList: [
        milestone('raccordement-impots', { reachedOn: '2020-01-15', daysLate: 15 }),
        milestone('franceconnect-plus', { overdueDays: 92 }),
      ],
      territorialRates: [],
    });
  });

  it("rates each territory a release published a value of against that territory's own VI and VC", () => {
    const against = (initial: number, target: number) => ({
      initial: { value: initial, on: '2019-01-01' },
      target: { value: target, by: '2022-12-31' },
    });
    const published = (code: string, value: number, initial: number, target: number) =>
      measured('comptes-actifs', value, '2020-06-30', {
        territory: { level: 'region', code },
        publishedCurrent: true,
        publishedAgainst: against(initial, target),
      });
    const project = given(
      franceconnectLaunched,
      published('84', 1_500, 1_000, 2_000),
      published('11', 900, 1_000, 2_000),
      measured('comptes-actifs', 20_000_000, '2020-06-30', { publishedCurrent: true }),
    );
    const uses = (value: number) => ({
      initial: { value: 1_000, on: '2019-01-01', from: 'synthesis' },
      current: { value, on: '2020-06-30', from: 'synthesis' },
      target: { value: 2_000, on: '2022-12-31', from: 'synthesis' },
    });
    expect(projectDetail(project, '2020-09-30').territorialRates).toEqual([
      {
        indicatorId: 'comptes-actifs',
        territory: { level: 'region', code: '11' },
        global: { raw: -10, percent: 0, uses: uses(900) },
        unavailable: null,
      },
      {
        indicatorId: 'comptes-actifs',
        territory: { level: 'region', code: '84' },
        global: { raw: 50, percent: 50, uses: uses(1_500) },
        unavailable: null,
      },
    ]);
  });

  it('follows the plan in force after a redesign: the milestone moved is no longer overdue', () => {
    const project = given(
      franceconnectLaunched,
      measured('comptes-actifs', 20_000_000, '2020-06-30'),
      measured('delai-raccordement', 75, '2020-06-30'),
      reached('raccordement-impots', '2020-01-15', 15),
      franceconnectPlusPostponed,
    );
    const detail = projectDetail(project, '2020-09-30');
    expect([detail.planVersion, detail.health, detail.milestones]).toEqual([
      2,
      'green',
      { total: 2, reached: 1, reachedLate: 1, overdue: 0 },
    ]);
    expect(detail.milestoneList.map((m) => [m.milestoneId, m.dueOn, m.overdueDays])).toEqual([
      ['raccordement-impots', '2019-12-31', 0],
      ['franceconnect-plus', '2020-12-15', 0],
    ]);
  });

  it('shows a closed project with its outcome and note, no health, and progress capped to [0, 100]', () => {
    const project = given(
      franceconnectLaunched,
      reached('raccordement-impots', '2020-01-15', 15),
      reached('franceconnect-plus', '2020-06-15', 0),
      measured('comptes-actifs', 35_000_000, '2021-03-31'),
      measured('delai-raccordement', 130, '2021-03-31'),
      franceconnectClosed,
    );
    // 2021-06-30: 911 days elapsed. 35 million is 125 % of the way; 130 days is 10 days the wrong way: −11.1 %.
    expect(projectSummary(project, '2021-06-30')).toEqual({
      ...plan,
      status: 'closed',
      outcome: 'completed',
      health: null,
      closedOn: '2021-06-01',
      milestones: { total: 2, reached: 2, reachedLate: 1, overdue: 0 },
      indicators: [
        indicator(comptesActifs, { value: 35_000_000, period: '2021-03-31' }, { raw: 125, shown: 100 }, 911),
        indicator(delaiRaccordement, { value: 130, period: '2021-03-31' }, { raw: (100 * 10) / -90, shown: 0 }, 911),
      ],
    });
    expect(projectDetail(project, '2021-06-30').note).toBe(franceconnectClosed.data.note);
  });
  it("computes progress from the release's published current value (VA), naming it among the values used", () => {
    // The period's value (12 million) would be 10 %; the release published 27 million for the same period: 85 %.
    const project = given(
      franceconnectLaunched,
      measured('comptes-actifs', 12_000_000, '2020-12-31'),
      measured('comptes-actifs', 27_000_000, '2020-12-31', { publishedCurrent: true }),
    );
    const [comptes] = projectSummary(project, '2021-01-31').indicators;
    expect(comptes.latest).toEqual({ value: 12_000_000, period: '2020-12-31' });
    expect(comptes.progress).toEqual({ raw: 85, shown: 85 });
    expect(comptes.rates).toEqual({
      global: {
        percent: 85,
        raw: 85,
        uses: {
          initial: { value: 10_000_000, on: '2019-01-01', from: 'plan' },
          current: { value: 27_000_000, on: '2020-12-31', from: 'synthesis' },
          target: { value: 30_000_000, on: '2022-12-31', from: 'plan' },
        },
      },
      annual: null,
      unavailable: {
        global: null,
        annual: 'no annual target (VCA): neither the plan nor the synthesis gives one',
      },
    });
  });

  it('shows a monitored series (no target) with its latest value and progress "not applicable", leaving health alone', () => {
    const nbMortsRoutes = { indicatorId: 'nb-morts-routes', label: 'Nombre de morts sur les routes', unit: 'morts' };
    const project = given(
      {
        ...franceconnectLaunched,
        data: { ...franceconnectLaunched.data, milestones: [], indicators: [nbMortsRoutes] },
      },
      measured('nb-morts-routes', 3244, '2019-12-31'),
    );
    expect(projectSummary(project, '2021-06-30')).toMatchObject({
      health: 'green',
      indicators: [
        {
          ...nbMortsRoutes,
          direction: null,
          baseline: null,
          target: null,
          retired: false,
          latest: { value: 3244, period: '2019-12-31' },
          monitoredOnly: true,
          progress: null,
          rates: null,
          expectedProgress: null,
        },
      ],
    });
  });

  it('shows the rates of a monitored series whose release published VI, VA and VC, its progress staying null', () => {
    const nbMortsRoutes = { indicatorId: 'nb-morts-routes', label: 'Nombre de morts sur les routes', unit: 'morts' };
    const publishedAgainst = { initial: { value: 3448, on: '2017-12-31' }, target: { value: 2000, by: '2022-12-31' } };
    const project = given(
      {
        ...franceconnectLaunched,
        data: { ...franceconnectLaunched.data, milestones: [], indicators: [nbMortsRoutes] },
      },
      measured('nb-morts-routes', 248, '2022-11-30'),
      measured('nb-morts-routes', 2724, '2022-09-30', { publishedCurrent: true, publishedAgainst }),
    );
    const [deaths] = projectSummary(project, '2023-01-19').indicators;
    // (2724 − 3448) / (2000 − 3448) = 50 %, a decrease as the published target below the initial value says.
    expect(deaths).toMatchObject({ monitoredOnly: true, progress: null, rates: { global: { percent: 50, raw: 50 } } });
    expect(deaths.rates?.global?.uses.initial).toEqual({ value: 3448, on: '2017-12-31', from: 'synthesis' });
  });
});

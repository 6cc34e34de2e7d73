import { deepFreeze } from '../../../domain/src/testing/deep-freeze';
import {
  apiParticulier,
  dataView,
  DELAI_V1_TARGET,
  delaiView,
  franceconnect,
  hubee,
  idnumView,
  usagersView,
  vitamActive,
  vitamClosed,
} from '../testing/time-travel-documents';
import type { IndicatorView, MissionView, PortfolioDocument, ProjectSummary } from './documents';
import { missionDocument, missionListDocument, missionRollUp, projectProgress } from './mission-view';

// Given the summaries of a mission's projects (as the portfolio gives them), then its roll-up.

const usagers = (progress: number) => usagersView({ value: 0, period: '2020-12-31' }, progress, 50);
const delai = (progress: number) => delaiView(DELAI_V1_TARGET, { value: 0, period: '2020-12-31' }, progress, 50);
const notYetMeasured = usagersView(null, null, 50);
/** A mission's facts, as the documents give them beside the roll-up. */
const facts = ({ projects: _projects, ...mission }: MissionView) => mission;
const retired = (indicator: IndicatorView): IndicatorView => ({ ...indicator, retired: true });

/** A project of DATA with these indicators, otherwise as Hubee stands at CITP 4. */
const withIndicators = (...indicators: IndicatorView[]): ProjectSummary => ({
  ...hubee('green', 1, 0, delai(0)),
  indicators,
});

describe("a project's progress", () => {
  it('is the mean of its live indicators that have a value, each counting the same', () => {
    expect(projectProgress(withIndicators(usagers(25), delai(60), notYetMeasured))).toBe(42.5);
  });

  it("takes each indicator's progress as shown, within [0, 100]", () => {
    expect(projectProgress(withIndicators(usagers(130), delai(-20)))).toBe(50);
  });

  it('leaves retired indicators out', () => {
    expect(projectProgress(withIndicators(usagers(80), retired(delai(0))))).toBe(80);
  });

  it('is not applicable without a live indicator, not yet measured while none has a value', () => {
    expect(projectProgress(withIndicators())).toBe('not_applicable');
    expect(projectProgress(withIndicators(retired(usagers(40))))).toBe('not_applicable');
    expect(projectProgress(withIndicators(notYetMeasured))).toBe('not_yet_measured');
  });

  it('leaves out the monitored series, which have no target to progress toward', () => {
    const monitored: IndicatorView = { ...usagers(0), monitoredOnly: true, progress: null, expectedProgress: null };
    expect(projectProgress(withIndicators(monitored))).toBe('not_applicable');
    expect(projectProgress(withIndicators(monitored, delai(60)))).toBe(60);
  });
});

describe("a mission's roll-up", () => {
  it('counts its projects by status, outcome and health, and its milestones, late ones apart', () => {
    // Hubee: red, its milestone overdue; FranceConnect: amber, one reached late and one overdue; Vitam closed.
    const projects = deepFreeze([
      hubee('red', 1, 1, delai(50)),
      franceconnect('amber', 1, usagers(70)),
      vitamClosed,
      apiParticulier,
    ]);
    expect(missionRollUp(projects)).toMatchObject({
      projects: 4,
      active: 3,
      closed: 1,
      completed: 1,
      abandoned: 0,
      health: { green: 1, amber: 1, red: 1 },
      milestones: { total: 4, reached: 2, reachedLate: 1, overdue: 2 },
      lateMilestones: 3,
    });
  });

  it("averages its projects' progress with equal weights, counting apart those without one", () => {
    // Hubee 50 and FranceConnect 70 → 60, whatever their number of indicators; Vitam and API Particulier have no
    // indicator; the last project's indicator has no value yet.
    const projects = deepFreeze([
      hubee('red', 1, 1, delai(50)),
      withIndicators(usagers(100), delai(40)),
      vitamActive(0),
      apiParticulier,
      withIndicators(notYetMeasured),
    ]);
    expect(missionRollUp(projects).progress).toEqual({ mean: 60, measured: 2, notApplicable: 2, notYetMeasured: 1 });
  });

  it('counts a closed project in the mean with its last progress', () => {
    const closed: ProjectSummary = { ...vitamClosed, indicators: [usagers(100)] };
    expect(missionRollUp([closed, hubee('amber', 1, 0, delai(20))]).progress.mean).toBe(60);
  });

  it('has no mean, and nothing counted, without projects', () => {
    expect(missionRollUp([])).toEqual({
      projects: 0,
      active: 0,
      closed: 0,
      completed: 0,
      abandoned: 0,
      health: { green: 0, amber: 0, red: 0 },
      milestones: { total: 0, reached: 0, reachedLate: 0, overdue: 0 },
      lateMilestones: 0,
      progress: { mean: null, measured: 0, notApplicable: 0, notYetMeasured: 0 },
    });
  });
});

describe('the missions documents', () => {
  const STAMP = { at: '2021-02-05', asOf: { position: '17', recordedAt: '2021-02-05T18:00:00.000Z' } };
  const hubeeRed = hubee('red', 1, 1, delai(50));
  const fc = franceconnect('green', 0, usagers(70));
  // ETAT is known only through a project launched under it: not defined by `at`.
  const etat = { ...apiParticulier, projectId: 'etat-project', missionCode: 'ETAT' };
  const portfolio: PortfolioDocument = deepFreeze({
    ...STAMP,
    missions: [
      dataView([hubeeRed, vitamActive(1)]),
      { missionCode: 'ETAT', name: null, programme: null, definedOn: null, description: null, projects: [etat] },
      idnumView([fc]),
    ],
    // The list and the detail read the missions, not the totals.
    totals: { ...missionRollUp([]), missions: 3 },
  });

  it('lists every mission of the portfolio with its facts and roll-up, stamped as the portfolio, without projects', () => {
    expect(missionListDocument(portfolio)).toEqual({
      ...STAMP,
      missions: [
        { ...facts(dataView([])), rollUp: missionRollUp([hubeeRed, vitamActive(1)]) },
        {
          missionCode: 'ETAT',
          name: null,
          programme: null,
          definedOn: null,
          description: null,
          rollUp: missionRollUp([etat]),
        },
        { ...facts(idnumView([])), rollUp: missionRollUp([fc]) },
      ],
    });
  });

  it('gives one mission with its roll-up and its projects as the portfolio gives them', () => {
    expect(missionDocument(portfolio, 'IDNUM')).toEqual({
      ...STAMP,
      ...facts(idnumView([])),
      rollUp: {
        ...missionRollUp([fc]),
        progress: { mean: 70, measured: 1, notApplicable: 0, notYetMeasured: 0 },
      },
      projects: [fc],
    });
  });

  it('has no document for a code the portfolio does not hold', () => {
    expect(missionDocument(portfolio, 'SANTE')).toBeUndefined();
  });
});

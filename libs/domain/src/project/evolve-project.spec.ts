import {
  comptesActifs,
  delaiRaccordement,
  franceconnectClosed,
  franceconnectLaunched,
  franceconnectPlusPostponed,
  measured,
  reached,
} from '../testing/tech-gouv';
import { evolveProject, foldProject } from './evolve-project';
import type { ProjectEvent, ProjectRedesigned } from './project-events';
import type { ActiveProject, ProjectState } from './project-state';

const lyon = { level: 'departement', code: '69' } as const;

function active(events: readonly ProjectEvent[], from?: ProjectState): ActiveProject {
  const state = foldProject(events, from);
  if (state.status !== 'active') throw new Error(`expected an active project, got ${state.status}`);
  return state;
}

const replanned: ProjectRedesigned = {
  type: 'ProjectRedesigned',
  data: {
    projectId: 'franceconnect',
    planVersion: 2,
    reason: 'Recentrage',
    decidedOn: '2021-02-05',
    changes: {
      objective: 'Une identité numérique sûre',
      milestones: {
        added: [{ milestoneId: 'lutte-usurpation', title: 'Usurpation', dueOn: '2021-12-31' }],
        removed: ['raccordement-impots'],
        rescheduled: [{ milestoneId: 'franceconnect-plus', from: '2020-06-30', to: '2021-09-30' }],
      },
      indicators: {
        added: [{ ...comptesActifs, indicatorId: 'comptes-plus' }],
        retired: ['delai-raccordement'],
        retargeted: [
          { indicatorId: 'comptes-actifs', from: comptesActifs.target, to: { value: 40_000_000, by: '2023-06-30' } },
        ],
      },
    },
  },
};

describe('project state', () => {
  it('does not exist before its launch', () => {
    expect(foldProject([])).toEqual({ status: 'not_launched' });
  });

  it('is active from its launch, at plan version 1', () => {
    expect(foldProject([franceconnectLaunched])).toEqual({
      status: 'active',
      projectId: 'franceconnect',
      missionCode: 'IDNUM',
      title: 'FranceConnect',
      objective: franceconnectLaunched.data.objective,
      leadOrganisation: 'DINUM',
      launchedOn: '2019-06-03',
      planVersion: 1,
      milestones: {
        'raccordement-impots': { title: 'Raccordement de impots.gouv.fr', dueOn: '2019-12-31' },
        'franceconnect-plus': { title: 'FranceConnect+ ouvert aux démarches sensibles', dueOn: '2020-06-30' },
      },
      indicators: {
        'comptes-actifs': { ...comptesActifs, retired: false },
        'delai-raccordement': { ...delaiRaccordement, retired: false },
      },
      measurements: {},
      publishedCurrent: {},
    });
  });

  it('marks a milestone reached, with its lateness', () => {
    const state = active([franceconnectLaunched, reached('raccordement-impots', '2020-01-10', 10)]);
    expect(state.milestones['raccordement-impots']).toEqual({
      title: 'Raccordement de impots.gouv.fr',
      dueOn: '2019-12-31',
      reachedOn: '2020-01-10',
      daysLate: 10,
    });
  });

  it('keeps the latest value per indicator, territory and period', () => {
    const state = active([
      franceconnectLaunched,
      measured('comptes-actifs', 24_000_000, '2020-12-31'),
      measured('comptes-actifs', 310_000, '2020-12-31', { territory: lyon }),
      measured('comptes-actifs', 24_500_000, '2020-12-31', { supersedes: 24_000_000 }),
      measured('comptes-actifs', 26_000_000, '2021-03-31'),
      measured('delai-raccordement', 60, '2020-12-31'),
    ]);
    expect(state.measurements).toEqual({
      'comptes-actifs': {
        'national:FR': { '2020-12-31': 24_500_000, '2021-03-31': 26_000_000 },
        'departement:69': { '2020-12-31': 310_000 },
      },
      'delai-raccordement': { 'national:FR': { '2020-12-31': 60 } },
    });
  });

  it("keeps a release's published current value beside the series, the last one published replacing the previous", () => {
    const state = active([
      franceconnectLaunched,
      measured('comptes-actifs', 2_000_000, '2020-12-31'),
      measured('comptes-actifs', 20_000_000, '2020-12-31', { publishedCurrent: true }),
      measured('comptes-actifs', 26_000_000, '2021-03-31', { publishedCurrent: true }),
    ]);
    expect(state.measurements).toEqual({ 'comptes-actifs': { 'national:FR': { '2020-12-31': 2_000_000 } } });
    expect(state.publishedCurrent).toEqual({
      'comptes-actifs': { 'national:FR': { value: 26_000_000, period: '2021-03-31' } },
    });
  });

  it('applies a redesign to the plan in force', () => {
    const state = active([franceconnectLaunched, replanned]);
    expect(state).toMatchObject({ planVersion: 2, objective: 'Une identité numérique sûre' });
    expect(state.milestones).toEqual({
      'franceconnect-plus': { title: 'FranceConnect+ ouvert aux démarches sensibles', dueOn: '2021-09-30' },
      'lutte-usurpation': { title: 'Usurpation', dueOn: '2021-12-31' },
    });
    expect(state.indicators).toEqual({
      'comptes-actifs': { ...comptesActifs, target: { value: 40_000_000, by: '2023-06-30' }, retired: false },
      'delai-raccordement': { ...delaiRaccordement, retired: true },
      'comptes-plus': { ...comptesActifs, indicatorId: 'comptes-plus', retired: false },
    });
  });

  it('keeps the objective when a redesign does not change it', () => {
    expect(active([franceconnectLaunched, franceconnectPlusPostponed]).objective).toBe(
      franceconnectLaunched.data.objective,
    );
  });

  it('is closed with its outcome, keeping what was known', () => {
    const before = active([franceconnectLaunched, measured('comptes-actifs', 24_000_000, '2020-12-31')]);
    expect(evolveProject(before, franceconnectClosed)).toEqual({
      ...before,
      status: 'closed',
      outcome: 'completed',
      closedOn: '2021-06-01',
      note: franceconnectClosed.data.note,
    });
  });

  describe('folded without the facts a later-recorded event builds on (bi-temporal reads, §7)', () => {
    it('ignores a value measured for a period before the launch when the launch is not in view', () => {
      expect(foldProject([measured('comptes-actifs', 9_000_000, '2018-12-31')])).toEqual({ status: 'not_launched' });
    });

    it('ignores a milestone reached that the plan in view does not hold', () => {
      const launched = active([franceconnectLaunched]);
      expect(evolveProject(launched, reached('lutte-usurpation', '2021-03-01', 0))).toBe(launched);
    });

    it('ignores anything after the closure, and a second launch', () => {
      const closed = foldProject([franceconnectLaunched, franceconnectClosed]);
      expect(evolveProject(closed, measured('comptes-actifs', 1, '2021-05-31'))).toBe(closed);
      expect(evolveProject(closed, reached('raccordement-impots', '2021-05-31', 517))).toBe(closed);
      expect(evolveProject(closed, replanned)).toBe(closed);
      expect(evolveProject(closed, franceconnectClosed)).toBe(closed);
      const launched = active([franceconnectLaunched]);
      expect(evolveProject(launched, franceconnectLaunched)).toBe(launched);
      expect(foldProject([replanned, reached('raccordement-impots', '2019-12-31', 0), franceconnectClosed])).toEqual({
        status: 'not_launched',
      });
    });
  });

  it('resumes a fold from a snapshot', () => {
    const snapshot = foldProject([franceconnectLaunched]);
    const rest = [
      reached('raccordement-impots', '2019-12-31', 0),
      measured('comptes-actifs', 24_000_000, '2020-12-31'),
    ];
    expect(foldProject(rest, snapshot)).toEqual(foldProject([franceconnectLaunched, ...rest]));
  });

  it('folds 100,000 measurements of one long series', () => {
    // Copying the series' record for each value would make this fold quadratic (minutes); its speed is measured in bench/.
    const events = Array.from({ length: 100_000 }, (_, i) =>
      measured(
        'comptes-actifs',
        i,
        `${1000 + (Math.floor(i / 12) % 1000)}-${String((i % 12) + 1).padStart(2, '0')}-28`,
      ),
    );
    const state = active([franceconnectLaunched, ...events]);
    expect(Object.keys(state.measurements['comptes-actifs']['national:FR'])).toHaveLength(12_000);
  });

  it('copies only the path a measurement changes, sharing every other branch', () => {
    const before = active([
      franceconnectLaunched,
      measured('comptes-actifs', 24_000_000, '2020-12-31'),
      measured('comptes-actifs', 310_000, '2020-12-31', { territory: lyon }),
      measured('delai-raccordement', 60, '2020-12-31'),
    ]);
    const after = active([measured('comptes-actifs', 26_000_000, '2021-03-31')], before);
    expect(after.measurements['delai-raccordement']).toBe(before.measurements['delai-raccordement']);
    expect(after.measurements['comptes-actifs']['departement:69']).toBe(
      before.measurements['comptes-actifs']['departement:69'],
    );
    expect(after.milestones).toBe(before.milestones);
    expect(after.indicators).toBe(before.indicators);
    expect(before.measurements['comptes-actifs']['national:FR']).toEqual({ '2020-12-31': 24_000_000 });
  });
});

import { foldProject, type LaunchedProject, type ProjectEvent } from '@portfolio/domain';
import { deepFreeze } from '../../../domain/src/testing/deep-freeze';
import {
  franceconnectClosed,
  franceconnectLaunched,
  franceconnectPlusPostponed,
  idnumDefined,
  measured,
  reached,
} from '../../../domain/src/testing/tech-gouv';
import type { PortfolioSnapshot } from '../temporal/portfolio-snapshot';
import { cycleChanges } from './cycle-changes';

/** The portfolio as a committee saw it: IDNUM and these projects, each folded from its events. */
function snapshot(...projects: ProjectEvent[][]): PortfolioSnapshot {
  const states = projects.map((events) => foldProject(events) as LaunchedProject);
  return deepFreeze({
    missions: [{ ...idnumDefined.data, description: null }],
    projects: new Map(states.map((state) => [state.projectId, state])),
  });
}

/** FranceConnect's launch, as another project of the mission. */
const proconnectLaunched: ProjectEvent = {
  type: 'ProjectLaunched',
  data: { ...franceconnectLaunched.data, projectId: 'proconnect', title: 'ProConnect', launchedOn: '2020-09-01' },
};

const noChanges = { launched: [], milestonesReached: [], redesigned: [], closed: [], indicatorMoves: [] };

describe('what changed from one review cycle to the next', () => {
  const citpFebruary2020 = [
    franceconnectLaunched,
    measured('comptes-actifs', 15_000_000, '2019-12-31'),
    reached('raccordement-impots', '2020-01-15', 15),
  ];

  it('counts everything as new at the first cycle', () => {
    const first = snapshot(citpFebruary2020);
    expect(cycleChanges(snapshot(), first, '2020-02-15', null)).toEqual({
      ...noChanges,
      since: null,
      until: '2020-02-15',
      launched: [{ projectId: 'franceconnect', title: 'FranceConnect', launchedOn: '2019-06-03' }],
      milestonesReached: [
        { projectId: 'franceconnect', milestoneId: 'raccordement-impots', reachedOn: '2020-01-15', daysLate: 15 },
      ],
      indicatorMoves: [
        {
          projectId: 'franceconnect',
          indicatorId: 'comptes-actifs',
          from: null,
          to: { value: 15_000_000, period: '2019-12-31' },
        },
      ],
    });
  });

  it('reports launches, milestones reached, redesigns, closures and indicator moves, project by project', () => {
    const before = snapshot(citpFebruary2020);
    const after = snapshot(
      [
        ...citpFebruary2020,
        franceconnectPlusPostponed,
        reached('franceconnect-plus', '2020-12-10', 0),
        measured('comptes-actifs', 20_000_000, '2020-06-30'),
        measured('delai-raccordement', 75, '2020-06-30'),
        franceconnectClosed,
      ],
      [proconnectLaunched],
    );
    expect(cycleChanges(before, after, '2021-06-30', '2020-02-15')).toEqual({
      since: '2020-02-15',
      until: '2021-06-30',
      launched: [{ projectId: 'proconnect', title: 'ProConnect', launchedOn: '2020-09-01' }],
      milestonesReached: [
        { projectId: 'franceconnect', milestoneId: 'franceconnect-plus', reachedOn: '2020-12-10', daysLate: 0 },
      ],
      redesigned: [{ projectId: 'franceconnect', fromPlanVersion: 1, toPlanVersion: 2 }],
      closed: [{ projectId: 'franceconnect', outcome: 'completed', closedOn: '2021-06-01' }],
      indicatorMoves: [
        {
          projectId: 'franceconnect',
          indicatorId: 'comptes-actifs',
          from: { value: 15_000_000, period: '2019-12-31' },
          to: { value: 20_000_000, period: '2020-06-30' },
        },
        {
          projectId: 'franceconnect',
          indicatorId: 'delai-raccordement',
          from: null,
          to: { value: 75, period: '2020-06-30' },
        },
      ],
    });
  });

  it('reports nothing when nothing changed', () => {
    expect(cycleChanges(snapshot(citpFebruary2020), snapshot(citpFebruary2020), '2020-06-30', '2020-02-15')).toEqual({
      ...noChanges,
      since: '2020-02-15',
      until: '2020-06-30',
    });
  });
});

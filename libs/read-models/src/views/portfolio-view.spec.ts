import { foldProject, type LaunchedProject, type ProjectEvent } from '@portfolio/domain';
import { deepFreeze } from '../../../domain/src/testing/deep-freeze';
import {
  franceconnectClosed,
  franceconnectLaunched,
  idnumDefined,
  reached,
} from '../../../domain/src/testing/tech-gouv';
import type { PortfolioSnapshot } from '../temporal/portfolio-snapshot';
import { portfolioDocument } from './portfolio-view';
import { projectSummary } from './project-view';

const fold = (...events: ProjectEvent[]) => foldProject(events) as LaunchedProject;

/** FranceConnect's launch, as another project of another mission. */
const proconnectLaunched: ProjectEvent = {
  type: 'ProjectLaunched',
  data: { ...franceconnectLaunched.data, projectId: 'proconnect', missionCode: 'DATA', title: 'ProConnect' },
};

const STAMP = { at: '2021-06-30', asOf: { position: '42', recordedAt: '2021-07-01T08:00:00.000Z' } };

describe('the portfolio document', () => {
  // DATA is not defined (by `at`); FranceConnect is closed, ProConnect active with both milestones overdue.
  const franceconnect = fold(
    franceconnectLaunched,
    reached('raccordement-impots', '2020-01-15', 15),
    franceconnectClosed,
  );
  const proconnect = fold(proconnectLaunched);
  const snapshot: PortfolioSnapshot = deepFreeze({
    missions: [{ ...idnumDefined.data, description: null }],
    projects: new Map([
      ['proconnect', proconnect],
      ['franceconnect', franceconnect],
    ]),
  });

  it('lists every mission by code, its projects by id, and the totals, stamped', () => {
    expect(portfolioDocument(snapshot, STAMP)).toEqual({
      ...STAMP,
      missions: [
        {
          missionCode: 'DATA',
          name: null,
          programme: null,
          definedOn: null,
          description: null,
          projects: [projectSummary(proconnect, STAMP.at)],
        },
        {
          missionCode: 'IDNUM',
          name: 'Identité numérique',
          programme: 'Tech.gouv',
          definedOn: '2019-04-25',
          description: null,
          projects: [projectSummary(franceconnect, STAMP.at)],
        },
      ],
      totals: {
        missions: 2,
        projects: 2,
        active: 1,
        closed: 1,
        completed: 1,
        abandoned: 0,
        // ProConnect: impots.gouv.fr 547 days overdue, red; FranceConnect closed, no colour.
        health: { green: 0, amber: 0, red: 1 },
        milestones: { total: 4, reached: 1, reachedLate: 1, overdue: 3 },
      },
    });
  });

  it('lists a mission defined but with no project yet, and nothing when nothing is known', () => {
    const defined = deepFreeze({ missions: snapshot.missions, projects: new Map() });
    expect(portfolioDocument(defined, STAMP).missions).toEqual([
      { ...idnumDefined.data, description: null, projects: [] },
    ]);
    expect(portfolioDocument({ missions: [], projects: new Map() }, STAMP)).toEqual({
      ...STAMP,
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
});

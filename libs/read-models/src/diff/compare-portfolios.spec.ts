import { foldProject, type LaunchedProject, type ProjectEvent } from '@portfolio/domain';
import { deepFreeze } from '../../../domain/src/testing/deep-freeze';
import { franceconnectLaunched, idnumDefined, measured } from '../../../domain/src/testing/tech-gouv';
import type { PortfolioSnapshot } from '../temporal/portfolio-snapshot';
import { portfolioDocument } from '../views/portfolio-view';
import { projectSummary } from '../views/project-view';
import { comparePortfolios } from './compare-portfolios';

const AT = '2020-09-30';

function portfolio(position: string, ...events: ProjectEvent[]) {
  const franceconnect = foldProject(events) as LaunchedProject;
  const snapshot: PortfolioSnapshot = deepFreeze({
    missions: [{ ...idnumDefined.data, description: null }],
    projects: events.length === 0 ? new Map() : new Map([['franceconnect', franceconnect]]),
  });
  return portfolioDocument(snapshot, { at: AT, asOf: { position, recordedAt: null } });
}

describe('the diff of two portfolio documents', () => {
  it('leaves the stamps out: the same portfolio known at two positions does not differ', () => {
    expect(comparePortfolios(portfolio('1', franceconnectLaunched), portfolio('2', franceconnectLaunched))).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('names what was added and what changed, by mission, project and indicator', () => {
    const launched = portfolio('1', franceconnectLaunched);
    expect(comparePortfolios(portfolio('0'), launched)).toEqual({
      added: [
        {
          path: 'missions[IDNUM].projects[franceconnect]',
          // The indicators' rates are left out: the global rate is their progress.
          value: JSON.parse(
            JSON.stringify(projectSummary(foldProject([franceconnectLaunched]) as LaunchedProject, AT), (key, value) =>
              key === 'rates' ? undefined : value,
            ),
          ),
        },
      ],
      removed: [],
      changed: [
        { path: 'totals.active', from: 0, to: 1 },
        { path: 'totals.health.red', from: 0, to: 1 },
        { path: 'totals.milestones.overdue', from: 0, to: 2 },
        { path: 'totals.milestones.total', from: 0, to: 2 },
        { path: 'totals.projects', from: 0, to: 1 },
      ],
    });
    // 20 million accounts: half way, above the 43.7 % expected by 2020-09-30.
    const measuredOnce = portfolio('2', franceconnectLaunched, measured('comptes-actifs', 20_000_000, '2020-06-30'));
    const comptes = 'missions[IDNUM].projects[franceconnect].indicators[comptes-actifs]';
    expect(comparePortfolios(launched, measuredOnce)).toEqual({
      added: [],
      removed: [],
      changed: [
        { path: `${comptes}.latest`, from: null, to: { value: 20_000_000, period: '2020-06-30' } },
        { path: `${comptes}.progress`, from: null, to: { raw: 50, shown: 50 } },
      ],
    });
  });
});

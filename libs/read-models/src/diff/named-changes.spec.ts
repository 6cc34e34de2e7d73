import { foldProject, type LaunchedProject, type ProjectEvent, type ProjectRedesigned } from '@portfolio/domain';
import { deepFreeze } from '../../../domain/src/testing/deep-freeze';
import { franceconnectLaunched, measured, reached } from '../../../domain/src/testing/tech-gouv';
import type { PortfolioSnapshot } from '../temporal/portfolio-snapshot';
import { namedChanges, type NamedSide } from './named-changes';

// FranceConnect with a satisfaction rate in percent (40 → 80 % over 2019–2022) and a third milestone, judged at the
// review of 2020-01-15 and at the one of 2020-07-15; Hubee, closed in between; API Particulier, launched in between.
const launched: ProjectEvent = {
  type: 'ProjectLaunched',
  data: {
    ...franceconnectLaunched.data,
    milestones: [
      ...franceconnectLaunched.data.milestones,
      { milestoneId: 'application-mobile', title: 'Application mobile', dueOn: '2020-09-30' },
    ],
    indicators: [
      ...franceconnectLaunched.data.indicators,
      {
        indicatorId: 'taux-satisfaction',
        label: 'Usagers satisfaits',
        unit: '%',
        direction: 'increase',
        baseline: { value: 40, on: '2019-01-01' },
        target: { value: 80, by: '2022-12-31' },
      },
    ],
  },
};
const redesigned: ProjectRedesigned = {
  type: 'ProjectRedesigned',
  data: {
    projectId: 'franceconnect',
    planVersion: 2,
    reason: 'Homologation RGS plus longue que prévu; le mobile passe à France Identité',
    decidedOn: '2020-02-15',
    decidedBy: 'citp-2020-02',
    changes: {
      milestones: {
        added: [{ milestoneId: 'agentconnect', title: 'AgentConnect pour les agents', dueOn: '2021-03-31' }],
        removed: ['application-mobile'],
        rescheduled: [{ milestoneId: 'franceconnect-plus', from: '2020-06-30', to: '2020-12-15' }],
      },
      indicators: { added: [], retired: [], retargeted: [] },
    },
  },
};
const hubee: ProjectEvent[] = [
  {
    type: 'ProjectLaunched',
    data: {
      projectId: 'hubee',
      missionCode: 'DATA',
      title: 'Hubee',
      objective: 'Les pièces circulent entre administrations',
      leadOrganisation: 'DINUM',
      launchedOn: '2019-07-01',
      milestones: [],
      indicators: [],
    },
  },
];
const hubeeClosed: ProjectEvent = {
  type: 'ProjectClosed',
  data: { projectId: 'hubee', outcome: 'abandoned', closedOn: '2020-03-31', note: 'Fusionné avec API Entreprise' },
};
const apiParticulier: ProjectEvent = {
  type: 'ProjectLaunched',
  data: {
    ...(hubee[0].data as object),
    projectId: 'api-particulier',
    title: 'API Particulier',
    launchedOn: '2020-04-01',
  },
} as ProjectEvent;

function side(at: string, ...projects: ProjectEvent[][]): NamedSide {
  const states = projects.map((events) => foldProject(events) as LaunchedProject);
  const snapshot: PortfolioSnapshot = { missions: [], projects: new Map(states.map((p) => [p.projectId, p])) };
  return deepFreeze({ snapshot, at });
}

const review1 = side('2020-01-15', [launched, measured('taux-satisfaction', 48.5133020344288, '2019-12-31')], hubee);
const review2 = side(
  '2020-07-15',
  [
    launched,
    measured('taux-satisfaction', 48.5133020344288, '2019-12-31'),
    reached('raccordement-impots', '2020-01-20', 20),
    redesigned,
    measured('taux-satisfaction', 58, '2020-06-30'),
    measured('comptes-actifs', 20_000_000, '2020-06-30'),
  ],
  [...hubee, hubeeClosed],
  [apiParticulier],
);

describe('the named changes between two portfolios', () => {
  it('names the milestones reached, added, removed and moved, by project and title', () => {
    const { milestones } = namedChanges(review1, review2, [redesigned.data]);
    const franceconnect = { projectId: 'franceconnect', projectTitle: 'FranceConnect' };
    expect(milestones).toEqual({
      reached: [
        {
          ...franceconnect,
          milestoneId: 'raccordement-impots',
          title: 'Raccordement de impots.gouv.fr',
          dueOn: '2019-12-31',
          reachedOn: '2020-01-20',
          daysLate: 20,
        },
      ],
      added: [
        { ...franceconnect, milestoneId: 'agentconnect', title: 'AgentConnect pour les agents', dueOn: '2021-03-31' },
      ],
      removed: [
        { ...franceconnect, milestoneId: 'application-mobile', title: 'Application mobile', dueOn: '2020-09-30' },
      ],
      rescheduled: [
        {
          ...franceconnect,
          milestoneId: 'franceconnect-plus',
          title: 'FranceConnect+ ouvert aux démarches sensibles',
          dueOn: '2020-12-15',
          previousDueOn: '2020-06-30',
        },
      ],
    });
  });

  it("moves each indicator by a delta rounded to its unit's precision: whole accounts, hundredths of a percent", () => {
    expect(namedChanges(review1, review2, []).indicatorMoves).toEqual([
      {
        projectId: 'franceconnect',
        projectTitle: 'FranceConnect',
        indicatorId: 'comptes-actifs',
        label: 'Comptes FranceConnect actifs',
        unit: 'comptes',
        decimals: 0,
        before: null,
        after: { value: 20_000_000, period: '2020-06-30' },
        delta: null,
      },
      {
        projectId: 'franceconnect',
        projectTitle: 'FranceConnect',
        indicatorId: 'taux-satisfaction',
        label: 'Usagers satisfaits',
        unit: '%',
        decimals: 2,
        before: { value: 48.51, period: '2019-12-31' },
        after: { value: 58, period: '2020-06-30' },
        delta: 9.49,
      },
    ]);
  });

  it('says why a health changed: the late milestone and the indicator behind that made it amber', () => {
    // On 2020-01-15 the rate should be 26.0 % of the way (379 of 1,460 days); 48.51 % is 21.3 % of the way.
    // On 2020-07-15, 58 % is 45 % of the way, ahead of the 38.4 % expected, and the milestone was reached.
    expect(namedChanges(review1, review2, []).healthChanges).toEqual([
      {
        projectId: 'franceconnect',
        projectTitle: 'FranceConnect',
        from: 'amber',
        to: 'green',
        reasons: [],
        previousReasons: [
          {
            kind: 'milestone_overdue',
            milestoneId: 'raccordement-impots',
            title: 'Raccordement de impots.gouv.fr',
            dueOn: '2019-12-31',
            overdueDays: 15,
            colour: 'amber',
          },
          {
            kind: 'indicator_behind',
            indicatorId: 'taux-satisfaction',
            label: 'Usagers satisfaits',
            progress: 21.3,
            expectedProgress: 26,
            colour: 'amber',
          },
        ],
      },
    ]);
  });

  it('lists launches, closures with their note, and redesigns with their reason', () => {
    const {
      launched: launches,
      closed,
      redesigned: redesigns,
      withdrawn,
    } = namedChanges(review1, review2, [redesigned.data]);
    expect({ launches, closed, redesigns, withdrawn }).toEqual({
      launches: [
        { projectId: 'api-particulier', missionCode: 'DATA', title: 'API Particulier', launchedOn: '2020-04-01' },
      ],
      closed: [
        {
          projectId: 'hubee',
          projectTitle: 'Hubee',
          outcome: 'abandoned',
          closedOn: '2020-03-31',
          note: 'Fusionné avec API Entreprise',
        },
      ],
      redesigns: [
        {
          projectId: 'franceconnect',
          projectTitle: 'FranceConnect',
          planVersion: 2,
          decidedOn: '2020-02-15',
          decidedBy: 'citp-2020-02',
          reason: 'Homologation RGS plus longue que prévu; le mobile passe à France Identité',
        },
      ],
      withdrawn: [],
    });
  });

  it('read backwards, names the projects the earlier side does not know yet as withdrawn', () => {
    const backwards = namedChanges(review2, review1, []);
    expect(backwards.withdrawn).toEqual([
      { projectId: 'api-particulier', missionCode: 'DATA', title: 'API Particulier' },
    ]);
    expect(backwards.launched).toEqual([]);
  });

  it('counts everything as new against an empty portfolio, as at the first review', () => {
    const first = namedChanges(side('2020-01-15'), review1, []);
    expect(first.launched.map((p) => p.projectId)).toEqual(['franceconnect', 'hubee']);
    expect(first.indicatorMoves).toEqual([
      expect.objectContaining({
        indicatorId: 'taux-satisfaction',
        before: null,
        after: { value: 48.51, period: '2019-12-31' },
        delta: null,
      }),
    ]);
    expect(first.healthChanges).toEqual([]);
  });

  it('finds nothing between a portfolio and itself', () => {
    expect(namedChanges(review2, review2, [])).toEqual({
      launched: [],
      withdrawn: [],
      closed: [],
      redesigned: [],
      milestones: { reached: [], added: [], removed: [], rescheduled: [] },
      indicatorMoves: [],
      healthChanges: [],
    });
  });
});

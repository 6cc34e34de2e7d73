import { decimalsOf } from '../schema/decimals';
import { NATIONAL_TERRITORY, type Territory } from '../shared/territory';
import { foldProject } from './evolve-project';
import { assessHealth, milestoneOverdueDays, projectHealth } from './health';
import type { IndicatorDefinition } from './plan';
import type { IndicatorMeasured, ProjectEvent, ProjectLaunched } from './project-events';

// Hubee (Hub d'échange de l'État): one milestone, two indicators with 400 days from baseline to target, so that
// expected progress is exactly 50 % on day 200 (2020-07-19).
const raccordees: IndicatorDefinition = {
  indicatorId: 'demarches-raccordees',
  label: 'Démarches raccordées à Hubee',
  unit: 'démarches',
  direction: 'increase',
  baseline: { value: 0, on: '2020-01-01' },
  target: { value: 200, by: '2021-02-04' },
};
const delai: IndicatorDefinition = {
  indicatorId: 'delai-transmission',
  label: 'Délai moyen de transmission des pièces',
  unit: 'jours',
  direction: 'decrease',
  baseline: { value: 120, on: '2020-01-01' },
  target: { value: 20, by: '2021-02-04' },
};
const DAY_200 = '2020-07-19';

const launched: ProjectLaunched = {
  type: 'ProjectLaunched',
  data: {
    projectId: 'hubee',
    missionCode: 'DATA',
    title: 'Hubee',
    objective: 'Faire circuler les pièces justificatives entre administrations',
    leadOrganisation: 'DINUM',
    launchedOn: '2020-01-01',
    milestones: [{ milestoneId: 'ouverture-api', title: "Ouverture de l'API", dueOn: '2020-03-31' }],
    indicators: [raccordees, delai],
  },
};
const apiOpenedOnTime: ProjectEvent = {
  type: 'MilestoneReached',
  data: { projectId: 'hubee', milestoneId: 'ouverture-api', reachedOn: '2020-03-31', daysLate: 0 },
};

function value(indicatorId: string, v: number, territory: Territory = NATIONAL_TERRITORY): IndicatorMeasured {
  return {
    type: 'IndicatorMeasured',
    data: { projectId: 'hubee', indicatorId, value: v, decimals: decimalsOf(v), period: '2020-06-30', territory },
  };
}

function healthOn(on: string, ...events: ProjectEvent[]) {
  return projectHealth(foldProject([launched, ...events]), on);
}

describe('projectHealth', () => {
  describe('milestones', () => {
    it('is green while no milestone is overdue, including on its due date', () => {
      expect(healthOn('2020-03-31')).toBe('green');
    });

    it('turns amber the day after a missed due date', () => {
      expect(healthOn('2020-04-01')).toBe('amber');
    });

    it('stays amber at exactly 90 days overdue', () => {
      expect(healthOn('2020-06-29')).toBe('amber');
    });

    it('turns red past 90 days overdue', () => {
      expect(healthOn('2020-06-30')).toBe('red');
    });

    it('is not coloured by a milestone reached late', () => {
      const reachedLate: ProjectEvent = {
        type: 'MilestoneReached',
        data: { projectId: 'hubee', milestoneId: 'ouverture-api', reachedOn: '2020-09-30', daysLate: 183 },
      };
      expect(healthOn('2021-01-01', reachedLate)).toBe('green');
    });
  });

  describe('an increasing indicator (expected 50 % on day 200)', () => {
    it('is green at exactly the expected progress', () => {
      expect(healthOn(DAY_200, apiOpenedOnTime, value('demarches-raccordees', 100))).toBe('green');
    });

    it('is amber just below the expected progress', () => {
      expect(healthOn(DAY_200, apiOpenedOnTime, value('demarches-raccordees', 99))).toBe('amber');
    });

    it('is amber at exactly half the expected progress', () => {
      expect(healthOn(DAY_200, apiOpenedOnTime, value('demarches-raccordees', 50))).toBe('amber');
    });

    it('is red below half the expected progress', () => {
      expect(healthOn(DAY_200, apiOpenedOnTime, value('demarches-raccordees', 49))).toBe('red');
    });
  });

  describe('a decreasing indicator (120 → 20 days, expected 50 % on day 200)', () => {
    it('is green at 70 days (50 %)', () => {
      expect(healthOn(DAY_200, apiOpenedOnTime, value('delai-transmission', 70))).toBe('green');
    });

    it('is amber at 95 days (exactly 25 %)', () => {
      expect(healthOn(DAY_200, apiOpenedOnTime, value('delai-transmission', 95))).toBe('amber');
    });

    it('is red at 96 days (24 %), and at any worsening', () => {
      expect(healthOn(DAY_200, apiOpenedOnTime, value('delai-transmission', 96))).toBe('red');
      expect(healthOn(DAY_200, apiOpenedOnTime, value('delai-transmission', 130))).toBe('red');
    });
  });

  it('takes the worst colour of all milestones and indicators', () => {
    const amberIndicator = value('demarches-raccordees', 99);
    const redIndicator = value('delai-transmission', 110);
    expect(healthOn(DAY_200, apiOpenedOnTime, amberIndicator, redIndicator)).toBe('red');
    expect(healthOn('2020-04-01', value('demarches-raccordees', 200))).toBe('amber');
  });

  it("measures an indicator from its release's published current value rather than its latest period value", () => {
    // The period value (40, 20 %) is red; the published figure (a total of 120, 60 %) is ahead of the 50 % expected.
    const published: IndicatorMeasured = {
      type: 'IndicatorMeasured',
      data: { ...value('demarches-raccordees', 120).data, publishedCurrent: true },
    };
    expect(healthOn(DAY_200, apiOpenedOnTime, value('demarches-raccordees', 40))).toBe('red');
    expect(healthOn(DAY_200, apiOpenedOnTime, value('demarches-raccordees', 40), published)).toBe('green');
  });

  it('is not coloured by an indicator without a national value yet', () => {
    const regionalOnly = value('demarches-raccordees', 0, { level: 'region', code: '84' });
    expect(healthOn(DAY_200, apiOpenedOnTime, regionalOnly)).toBe('green');
  });

  it('is not coloured by a retired indicator', () => {
    const retired: ProjectEvent = {
      type: 'ProjectRedesigned',
      data: {
        projectId: 'hubee',
        planVersion: 2,
        reason: 'Indicateur abandonné',
        decidedOn: '2020-07-01',
        changes: {
          milestones: { added: [], removed: [], rescheduled: [] },
          indicators: { added: [], retired: ['demarches-raccordees'], retargeted: [] },
        },
      },
    };
    expect(healthOn(DAY_200, apiOpenedOnTime, value('demarches-raccordees', 0), retired)).toBe('green');
  });

  it('compares the shown progress: a value behind the baseline before anything is expected is not late', () => {
    expect(healthOn('2020-01-01', apiOpenedOnTime, value('delai-transmission', 130))).toBe('green');
  });

  it('is not coloured by a monitored series, which has no progress to fall behind on', () => {
    const nbMortsRoutes: IndicatorDefinition = {
      indicatorId: 'nb-morts-routes',
      label: 'Nombre de morts sur les routes',
      unit: 'morts',
    };
    const withSeries: ProjectLaunched = {
      ...launched,
      data: { ...launched.data, milestones: [], indicators: [nbMortsRoutes] },
    };
    const history = foldProject([withSeries, value('nb-morts-routes', 3244)]);
    expect(projectHealth(history, '2021-01-01')).toBe('green');
  });

  it('has no colour for a project not launched, or closed', () => {
    expect(projectHealth(foldProject([]), DAY_200)).toBeNull();
    const closed: ProjectEvent = {
      type: 'ProjectClosed',
      data: { projectId: 'hubee', outcome: 'abandoned', closedOn: '2020-05-01', note: 'Fusionné avec un autre projet' },
    };
    expect(healthOn('2020-12-31', closed)).toBeNull();
  });
});

describe('assessHealth', () => {
  it('gives each overdue milestone and each indicator behind, with the colour each alone gives', () => {
    const amberIndicator = value('demarches-raccordees', 99);
    const redIndicator = value('delai-transmission', 110);
    expect(assessHealth(foldProject([launched, amberIndicator, redIndicator]), DAY_200)).toEqual({
      health: 'red',
      reasons: [
        { kind: 'milestone_overdue', milestoneId: 'ouverture-api', overdueDays: 110, colour: 'red' },
        {
          kind: 'indicator_behind',
          indicatorId: 'delai-transmission',
          progress: 10,
          expectedProgress: 50,
          colour: 'red',
        },
        {
          kind: 'indicator_behind',
          indicatorId: 'demarches-raccordees',
          progress: 49.5,
          expectedProgress: 50,
          colour: 'amber',
        },
      ],
    });
  });

  it('has no reason for a green project, and no assessment for a closed one', () => {
    expect(assessHealth(foldProject([launched, apiOpenedOnTime]), DAY_200)).toEqual({ health: 'green', reasons: [] });
    expect(assessHealth(foldProject([]), DAY_200)).toBeNull();
  });
});

describe('milestoneOverdueDays', () => {
  const milestone = { title: "Ouverture de l'API", dueOn: '2020-03-31' };

  it('counts the days past due of a milestone not reached', () => {
    expect(milestoneOverdueDays(milestone, '2020-04-10')).toBe(10);
  });

  it('is 0 before or on the due date, and once reached', () => {
    expect(milestoneOverdueDays(milestone, '2020-03-31')).toBe(0);
    expect(milestoneOverdueDays(milestone, '2020-01-15')).toBe(0);
    expect(milestoneOverdueDays({ ...milestone, reachedOn: '2020-05-01', daysLate: 31 }, '2020-12-31')).toBe(0);
  });
});

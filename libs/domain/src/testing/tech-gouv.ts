// Test fixtures: the IDNUM mission and its FranceConnect project, as the programme office would record them.
import { decimalsOf } from '../schema/decimals';
import type { MissionDefined } from '../mission/mission-events';
import type { LaunchProject } from '../project/decide-launch-project';
import type { TargetedIndicator } from '../project/plan';
import type {
  IndicatorMeasured,
  MilestoneReached,
  ProjectClosed,
  ProjectLaunched,
  ProjectRedesigned,
} from '../project/project-events';
import type { ReviewCycleHeld } from '../review-cycle/review-cycle-events';
import type { DecisionContext } from '../shared/decision-context';

export const TODAY = '2021-06-30';
export const onToday: DecisionContext = { today: TODAY };

export const idnumDefined: MissionDefined = {
  type: 'MissionDefined',
  data: { missionCode: 'IDNUM', name: 'Identité numérique', programme: 'Tech.gouv', definedOn: '2019-04-25' },
};

/** Increasing: accounts used at least once in the year. */
export const comptesActifs: TargetedIndicator = {
  indicatorId: 'comptes-actifs',
  label: 'Comptes FranceConnect actifs',
  unit: 'comptes',
  direction: 'increase',
  baseline: { value: 10_000_000, on: '2019-01-01' },
  target: { value: 30_000_000, by: '2022-12-31' },
};

/** Decreasing: days for a public service to connect to FranceConnect. */
export const delaiRaccordement: TargetedIndicator = {
  indicatorId: 'delai-raccordement',
  label: "Délai moyen de raccordement d'un fournisseur de service",
  unit: 'jours',
  direction: 'decrease',
  baseline: { value: 120, on: '2019-01-01' },
  target: { value: 30, by: '2022-12-31' },
};

export const franceconnectLaunched: ProjectLaunched = {
  type: 'ProjectLaunched',
  data: {
    projectId: 'franceconnect',
    missionCode: 'IDNUM',
    title: 'FranceConnect',
    objective: 'Un bouton unique pour se connecter à plus de 1 000 services publics en ligne',
    leadOrganisation: 'DINUM',
    launchedOn: '2019-06-03',
    milestones: [
      { milestoneId: 'raccordement-impots', title: 'Raccordement de impots.gouv.fr', dueOn: '2019-12-31' },
      {
        milestoneId: 'franceconnect-plus',
        title: 'FranceConnect+ ouvert aux démarches sensibles',
        dueOn: '2020-06-30',
      },
    ],
    indicators: [comptesActifs, delaiRaccordement],
  },
};

export const launchFranceConnect: LaunchProject = { type: 'LaunchProject', ...franceconnectLaunched.data };

export function measured(
  indicatorId: string,
  value: number,
  period: string,
  more: Partial<IndicatorMeasured['data']> = {},
): IndicatorMeasured {
  return {
    type: 'IndicatorMeasured',
    data: {
      projectId: 'franceconnect',
      indicatorId,
      value,
      decimals: decimalsOf(value),
      period,
      territory: { level: 'national', code: 'FR' },
      ...more,
    },
  };
}

export function reached(milestoneId: string, reachedOn: string, daysLate: number): MilestoneReached {
  return { type: 'MilestoneReached', data: { projectId: 'franceconnect', milestoneId, reachedOn, daysLate } };
}

/** CITP of February 2020: FranceConnect+ slips to the end of 2020. */
export const franceconnectPlusPostponed: ProjectRedesigned = {
  type: 'ProjectRedesigned',
  data: {
    projectId: 'franceconnect',
    planVersion: 2,
    reason: 'Homologation RGS de FranceConnect+ plus longue que prévu',
    decidedOn: '2020-02-15',
    decidedBy: 'citp-2020-02',
    changes: {
      milestones: {
        added: [],
        removed: [],
        rescheduled: [{ milestoneId: 'franceconnect-plus', from: '2020-06-30', to: '2020-12-15' }],
      },
      indicators: { added: [], retired: [], retargeted: [] },
    },
  },
};

export const franceconnectClosed: ProjectClosed = {
  type: 'ProjectClosed',
  data: {
    projectId: 'franceconnect',
    outcome: 'completed',
    closedOn: '2021-06-01',
    note: 'Service en production, transféré en run à la DINUM',
  },
};

export const citpJuly2021Held: ReviewCycleHeld = {
  type: 'ReviewCycleHeld',
  data: {
    cycleId: 'citp-2021-07',
    title: 'CITP de juillet 2021',
    heldOn: '2021-06-30',
    sealedPosition: '18446744073709551615',
    merkleRoot: '5f'.repeat(32),
    eventCount: 1234,
    signature: 'MEUCIQDx8mQzJ0x8b3l2ZnV1c2Vk+/8=',
  },
};

/** IDNUM and FranceConnect from launch to closure, then the July 2021 CITP: one event of every kind, in log order. */
export const franceconnectHistory = [
  idnumDefined,
  franceconnectLaunched,
  reached('raccordement-impots', '2019-12-10', 0),
  measured('comptes-actifs', 20_000_000, '2020-12-31'),
  franceconnectPlusPostponed,
  franceconnectClosed,
  citpJuly2021Held,
] as const;

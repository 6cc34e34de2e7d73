// Test support: the time-travel scenario as the command side records it, three CITP reviews of a small Tech.gouv
// portfolio, with a late milestone, a restatement recorded after a review, a project launched after the fact, a
// redesign and a closure. Dates and values are chosen so that every figure can be worked out by hand (see
// time-travel-documents.ts). test/time-travel.e2e-spec.ts records the same events through the HTTP API.
import { decimalsOf } from '@portfolio/domain';
import type {
  TargetedIndicator,
  IndicatorMeasured,
  MilestoneReached,
  MissionDefined,
  ProjectClosed,
  ProjectLaunched,
  ProjectRedesigned,
  ReviewCycleHeld,
  Territory,
} from '@portfolio/domain';
import type { StoredEvent } from '@portfolio/event-store';
import { franceconnectLaunched, idnumDefined } from '../../../domain/src/testing/tech-gouv';

/** The domain's IDNUM mission, with a description this time. */
export const idnumDescribed: MissionDefined = {
  type: 'MissionDefined',
  data: { ...idnumDefined.data, description: 'Unified identification for online public services' },
};

/** No description: the mission view shows null. */
export const dataDefined: MissionDefined = {
  type: 'MissionDefined',
  data: { missionCode: 'DATA', name: 'Données', programme: 'Tech.gouv', definedOn: '2019-04-25' },
};

/** Indicator of FranceConnect: 10 → 30 million accounts over 1,460 days (2019-01-01 → 2022-12-31). */
export const usagers: TargetedIndicator = {
  indicatorId: 'usagers-franceconnect',
  label: 'Citizens with a FranceConnect account',
  unit: 'millions',
  direction: 'increase',
  baseline: { value: 10, on: '2019-01-01' },
  target: { value: 30, by: '2022-12-31' },
};

/**
 * The domain's FranceConnect, on the plan the reviews judge: launched with its mission, FranceConnect+ due in 2019
 * (it will be reached late) and one indicator of accounts.
 */
export const franceconnectReviewed: ProjectLaunched = {
  type: 'ProjectLaunched',
  data: {
    ...franceconnectLaunched.data,
    objective: 'One identity for every online public service',
    launchedOn: '2019-04-25',
    milestones: [
      {
        milestoneId: 'franceconnect-plus',
        title: 'FranceConnect+ with La Poste digital identity',
        dueOn: '2019-09-30',
      },
      { milestoneId: 'agentconnect', title: 'AgentConnect for public agents', dueOn: '2021-03-31' },
    ],
    indicators: [usagers],
  },
};

/** Indicator of Hubee, meant to decrease: 30 → 10 days over 914 days (2019-07-01 → 2021-12-31). */
export const delai: TargetedIndicator = {
  indicatorId: 'delai-traitement',
  label: 'Average days to process a file sent between administrations',
  unit: 'days',
  direction: 'decrease',
  baseline: { value: 30, on: '2019-07-01' },
  target: { value: 10, by: '2021-12-31' },
};

export const hubeeLaunched: ProjectLaunched = {
  type: 'ProjectLaunched',
  data: {
    projectId: 'hubee',
    missionCode: 'DATA',
    title: 'Hubee',
    objective: 'Files flow between administrations instead of citizens carrying them',
    leadOrganisation: 'DINUM',
    launchedOn: '2019-07-01',
    milestones: [{ milestoneId: 'hubee-ministries', title: 'Hubee open to every ministry', dueOn: '2020-06-30' }],
    indicators: [delai],
  },
};

export const vitamLaunched: ProjectLaunched = {
  type: 'ProjectLaunched',
  data: {
    projectId: 'vitam',
    missionCode: 'DATA',
    title: 'Vitam',
    objective: 'Digital archiving shared by the ministries',
    leadOrganisation: 'Programme Vitam',
    launchedOn: '2019-05-15',
    milestones: [{ milestoneId: 'vitam-saas', title: 'Vitam offered as a service', dueOn: '2020-12-31' }],
    indicators: [],
  },
};

/** Launched on 2019-10-01 but recorded only after CITP 4 (2019-11-15) was held: CITP 4 did not know it. */
export const apiParticulierLaunched: ProjectLaunched = {
  type: 'ProjectLaunched',
  data: {
    projectId: 'api-particulier',
    missionCode: 'DATA',
    title: 'API Particulier',
    objective: 'Citizens no longer supply documents the administration already holds',
    leadOrganisation: 'DINUM',
    launchedOn: '2019-10-01',
    milestones: [],
    indicators: [],
  },
};

const NATIONAL: Territory = { level: 'national', code: 'FR' };
const REGION_ARA: Territory = { level: 'region', code: '84' };

function measured(
  projectId: string,
  indicatorId: string,
  value: number,
  period: string,
  more: Partial<IndicatorMeasured['data']> = {},
): IndicatorMeasured {
  return {
    type: 'IndicatorMeasured',
    data: { projectId, indicatorId, value, decimals: decimalsOf(value), period, territory: NATIONAL, ...more },
  };
}

const franceconnect = (value: number, period: string, more: Partial<IndicatorMeasured['data']> = {}) =>
  measured('franceconnect', usagers.indicatorId, value, period, more);
const hubee = (value: number, period: string) => measured('hubee', delai.indicatorId, value, period);

/** Before CITP 4: recorded in one batch. */
export const franceconnect2019 = [
  franceconnect(13, '2019-06-30', { source: 'DINUM' }),
  franceconnect(15, '2019-09-30', { source: 'DINUM' }),
  franceconnect(1.6, '2019-09-30', { territory: REGION_ARA }),
] as const;

export const hubee2019 = hubee(28, '2019-10-31');

/** Due 2019-09-30: 31 days late. */
export const franceconnectPlusReached: MilestoneReached = {
  type: 'MilestoneReached',
  data: {
    projectId: 'franceconnect',
    milestoneId: 'franceconnect-plus',
    reachedOn: '2019-10-31',
    evidence: 'FranceConnect+ opened with La Poste digital identity',
    daysLate: 31,
  },
};

/** A CITP review as the programme office holds it; the seal comes from the history recorded by then. */
export interface Review {
  readonly cycleId: string;
  readonly title: string;
  readonly heldOn: string;
}

export const citp4: Review = {
  cycleId: 'citp-4',
  title: '4e Comité interministériel de la transformation publique',
  heldOn: '2019-11-15',
};

/** Between CITP 4 and CITP 5: recorded in one batch. */
export const franceconnect2020 = [
  franceconnect(20, '2020-06-30'),
  franceconnect(24, '2020-12-31'),
  franceconnect(2.5, '2020-12-31', { territory: REGION_ARA }),
] as const;

export const hubee2020 = hubee(20, '2020-12-31');

/** Due 2020-12-31: on time. */
export const vitamSaasReached: MilestoneReached = {
  type: 'MilestoneReached',
  data: { projectId: 'vitam', milestoneId: 'vitam-saas', reachedOn: '2020-11-30', daysLate: 0 },
};

export const citp5: Review = {
  cycleId: 'citp-5',
  title: '5e Comité interministériel de la transformation publique',
  heldOn: '2021-02-05',
};

/** Recorded after CITP 5 was held, for a period CITP 5 had already seen (24 then): a restatement. */
export const franceconnectRestated = franceconnect(25, '2020-12-31', {
  source: 'DINUM, corrected figures',
  supersedes: 24,
});

/** Decided on 2021-07-05: the milestone moves by 18 months, the target is relaxed to 12 days by mid-2022. */
export const hubeeRedesigned: ProjectRedesigned = {
  type: 'ProjectRedesigned',
  data: {
    projectId: 'hubee',
    planVersion: 2,
    reason: 'Ministries join one by one: the opening is phased',
    decidedOn: '2021-07-05',
    decidedBy: 'DINUM steering committee',
    changes: {
      milestones: {
        added: [],
        removed: [],
        rescheduled: [{ milestoneId: 'hubee-ministries', from: '2020-06-30', to: '2021-12-31' }],
      },
      indicators: {
        added: [],
        retired: [],
        retargeted: [{ indicatorId: delai.indicatorId, from: delai.target, to: { value: 12, by: '2022-06-30' } }],
      },
    },
  },
};

export const vitamClosed: ProjectClosed = {
  type: 'ProjectClosed',
  data: { projectId: 'vitam', outcome: 'completed', closedOn: '2021-06-30', note: 'Vitam v4 in service' },
};

export const franceconnect2021 = franceconnect(27, '2021-06-30');

export const hubee2021 = hubee(18, '2021-06-30');

export const citp6: Review = {
  cycleId: 'citp-6',
  title: '6e Comité interministériel de la transformation publique',
  heldOn: '2021-07-23',
};

/**
 * The scenario in recording order, chapter by chapter; a chapter's review seals everything recorded before it.
 * Chapters are recorded a few milliseconds apart, so that an ISO `asOf` resolves to one side of each boundary.
 */
export const TIME_TRAVEL_CHAPTERS = [
  {
    // 1–10, then CITP 4 (11).
    events: [
      idnumDescribed,
      dataDefined,
      franceconnectReviewed,
      hubeeLaunched,
      vitamLaunched,
      ...franceconnect2019,
      hubee2019,
      franceconnectPlusReached,
    ],
    review: citp4,
  },
  {
    // 12–17, then CITP 5 (18).
    events: [apiParticulierLaunched, ...franceconnect2020, hubee2020, vitamSaasReached],
    review: citp5,
  },
  // 19.
  { events: [franceconnectRestated] },
  {
    // 20–23, then CITP 6 (24).
    events: [hubeeRedesigned, vitamClosed, franceconnect2021, hubee2021],
    review: citp6,
  },
] as const;

/** The review as held after `recorded`: its seal covers them all (the root and signature are the instance's). */
export function reviewHeld(
  review: Review,
  recorded: readonly StoredEvent[],
  signed: Pick<ReviewCycleHeld['data'], 'merkleRoot' | 'signature'>,
): ReviewCycleHeld {
  const sealedPosition = recorded[recorded.length - 1].position.toString();
  return { type: 'ReviewCycleHeld', data: { ...review, sealedPosition, eventCount: recorded.length, ...signed } };
}

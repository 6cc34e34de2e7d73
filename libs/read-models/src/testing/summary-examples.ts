import { decimalsOf } from '@portfolio/domain';
import type {
  DomainEvent,
  IndicatorMeasured,
  MilestoneReached,
  PersonalDataErased,
  ProjectRedesigned,
  PlanChanges,
} from '@portfolio/domain';
import { franceconnectLaunched } from '../../../domain/src/testing/tech-gouv';

// Events of every type as the summaries' specs give them, in every language.

const noChanges: PlanChanges = {
  milestones: { added: [], removed: [], rescheduled: [] },
  indicators: { added: [], retired: [], retargeted: [] },
};

export const launched = franceconnectLaunched;
export function reached(daysLate: number, evidence?: string): MilestoneReached {
  return {
    type: 'MilestoneReached',
    data: {
      projectId: 'franceconnect',
      milestoneId: 'franceconnect-plus',
      reachedOn: '2021-06-30',
      daysLate,
      ...(evidence === undefined ? {} : { evidence }),
    },
  };
}

export function measured(more: Partial<IndicatorMeasured['data']> = {}): IndicatorMeasured {
  return {
    type: 'IndicatorMeasured',
    data: {
      projectId: 'franceconnect',
      indicatorId: 'usagers-franceconnect',
      value: 26,
      period: '2021-05-31',
      territory: { level: 'national', code: 'FR' },
      ...more,
      decimals: more.decimals ?? decimalsOf(more.value ?? 26),
    },
  };
}

export function redesigned(
  changes: Partial<PlanChanges>,
  more: Partial<ProjectRedesigned['data']> = {},
): ProjectRedesigned {
  return {
    type: 'ProjectRedesigned',
    data: {
      projectId: 'franceconnect',
      planVersion: 2,
      reason: 'Homologation RGS plus longue que prévu',
      decidedOn: '2021-07-05',
      decidedBy: 'citp-6',
      changes: { ...noChanges, ...changes },
      ...more,
    },
  };
}

/** An erasure of one subject's two months, as an administrator records it. */
export function erased(more: Partial<PersonalDataErased['data']> = {}): PersonalDataErased {
  return {
    type: 'PersonalDataErased',
    data: {
      subjectId: 'oidc:https://auth.example#camille',
      scope: 'subject',
      reason: 'demande RGPD art. 17, ticket 4521',
      erasedOn: '2026-12-05',
      periods: ['2026-11', '2026-12'],
      keyIds: ['2026-11.a', '2026-12.b'],
      ...more,
    },
  };
}

/** One event of each type, with line breaks in their free text. */
export function everyTypeExamples(): DomainEvent[] {
  return [
    {
      type: 'MissionDefined',
      data: { missionCode: 'IDNUM', name: 'Identité\nnumérique', programme: 'Tech.gouv', definedOn: '2019-04-25' },
    },
    launched,
    reached(3, 'Mise en production\nvalidée'),
    measured({ source: 'DINUM\nstatistiques' }),
    redesigned({ objective: 'x' }, { reason: 'Ligne un\nligne deux' }),
    { type: 'ProjectClosed', data: { projectId: 'p1', outcome: 'completed', closedOn: '2021-12-15', note: 'a\nb' } },
    {
      type: 'ReviewCycleHeld',
      data: {
        cycleId: 'citp-5',
        title: 'CITP\nfévrier',
        heldOn: '2021-02-05',
        sealedPosition: '1240',
        merkleRoot: '5f'.repeat(32),
        eventCount: 2,
        signature: 's',
      },
    },
    erased({ reason: 'RGPD\nart. 17' }),
  ];
}

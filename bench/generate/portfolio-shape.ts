import type { IndicatorDefinition, PlannedMilestone } from '@portfolio/domain';

/**
 * The national portfolio the benchmarks write: the Baromètre's sectors as missions, ten projects per mission, five
 * indicators per project (600 indicators), each measured monthly for every territory. Only the number of months
 * depends on the size asked for: a larger history is a longer one, as in production.
 */
export const MISSION_CODES = [
  'AGRICULTURE',
  'ECONOMIE_EMPLOI',
  'EDUCATION',
  'JEUNESSE_CULTURE',
  'JUSTICE',
  'LOGEMENT_VILLE',
  'SANTE_FAMILLE',
  'SECURITE',
  'SERVICES_PUBLICS',
  'TRANSITION_ECOLOGIQUE',
  'TRAVAIL_SOLIDARITES',
  'NUMERIQUE',
] as const;
export const PROJECTS_PER_MISSION = 10;
export const INDICATORS_PER_PROJECT = 5;
export const MILESTONES_PER_PROJECT = 4;
/** Share of last month's values restated in the next release (the Baromètre restates routinely). */
export const RESTATED_SHARE = 0.05;
/** A CITP review (and seal) every this many months. */
export const REVIEW_EVERY_MONTHS = 6;
/** Each project is redesigned once a year, in its own month. */
export const REDESIGN_EVERY_MONTHS = 12;

export const LAUNCHED_ON = '2019-12-02';
export const FIRST_MONTH = { year: 2020, month: 0 };
export const TARGET_BY = '2030-12-31';

export interface ProjectShape {
  readonly index: number;
  readonly projectId: string;
  readonly missionCode: string;
  readonly indicatorIds: readonly string[];
  readonly milestoneIds: readonly string[];
}

export function projectShapes(): ProjectShape[] {
  return MISSION_CODES.flatMap((missionCode, m) =>
    Array.from({ length: PROJECTS_PER_MISSION }, (_, p) => {
      const index = m * PROJECTS_PER_MISSION + p;
      const projectId = `${missionCode.toLowerCase().replace(/_/g, '-')}-mesure-${p + 1}`;
      return {
        index,
        projectId,
        missionCode,
        indicatorIds: Array.from({ length: INDICATORS_PER_PROJECT }, (_, i) => `indicateur-${index + 1}-${i + 1}`),
        milestoneIds: Array.from({ length: MILESTONES_PER_PROJECT }, (_, i) => `jalon-${i + 1}`),
      };
    }),
  );
}

export function plannedMilestones(shape: ProjectShape): PlannedMilestone[] {
  return shape.milestoneIds.map((milestoneId, i) => ({
    milestoneId,
    title: `Jalon ${i + 1} de ${shape.projectId}`,
    dueOn: `${2020 + i}-06-30`,
  }));
}

export function indicatorDefinitions(shape: ProjectShape): IndicatorDefinition[] {
  return shape.indicatorIds.map((indicatorId, i) => ({
    indicatorId,
    label: `Indicateur ${i + 1} de ${shape.projectId}`,
    unit: i % 2 === 0 ? 'nombre' : '%',
    direction: indicatorDirection(i),
    baseline: { value: baselineValue(shape.index, i), on: LAUNCHED_ON },
    target: { value: baselineValue(shape.index, i) * (indicatorDirection(i) === 'decrease' ? 0.5 : 2), by: TARGET_BY },
  }));
}

/** One indicator in three measures something to bring down (delays, costs), the others something to raise. */
export function indicatorDirection(indicatorIndex: number): IndicatorDefinition['direction'] {
  return indicatorIndex % 3 === 2 ? 'decrease' : 'increase';
}

export function baselineValue(projectIndex: number, indicatorIndex: number): number {
  return 100 + ((projectIndex * 37 + indicatorIndex * 11) % 900);
}

import type { IndicatorId, MilestoneId, MissionCode, ProjectId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';

/** What a project is, within which mission, led by whom and since when: stated at launch, kept by the state. */
export interface ProjectCharter {
  readonly projectId: ProjectId;
  readonly missionCode: MissionCode;
  readonly title: string;
  readonly objective: string;
  readonly leadOrganisation: string;
  readonly launchedOn: IsoDate;
}

/** A dated step of a project's plan, e.g. "FranceConnect+ ouvert aux démarches sensibles" due 2020-06-30. */
export interface PlannedMilestone {
  readonly milestoneId: MilestoneId;
  readonly title: string;
  readonly dueOn: IsoDate;
}

/** Whether success means the indicator going up (accounts opened) or down (processing delay). */
export type IndicatorDirection = 'increase' | 'decrease';

export const INDICATOR_DIRECTIONS: readonly IndicatorDirection[] = ['increase', 'decrease'];

/** The value an indicator started from, and when it was observed. */
export interface IndicatorBaseline {
  readonly value: number;
  readonly on: IsoDate;
}

/** The value an indicator should reach, and by when. */
export interface IndicatorTarget {
  readonly value: number;
  readonly by: IsoDate;
}

/** How territorial values make a national one: PILOTE's `sum` (counts) or `avg` (an unweighted mean, for shares). */
export const TERRITORIAL_AGGREGATIONS = ['sum', 'average'] as const;
export type TerritorialAggregation = (typeof TERRITORIAL_AGGREGATIONS)[number];

/** The levels a national value can be aggregated from. */
export const AGGREGATED_LEVELS = ['region', 'departement'] as const;

/**
 * Where an indicator's national values come from when none is known nationally, as PILOTE's settings say of each
 * indicator (`vacg_operation`): its regions' or its départements' values, summed or averaged.
 */
export interface NationalFromTerritories {
  readonly level: (typeof AGGREGATED_LEVELS)[number];
  readonly aggregation: TerritorialAggregation;
}

/**
 * A measure of a project's results, in the manner of the Baromètre des résultats de l'action publique. An indicator
 * with a target (hence a baseline and a direction) is a goal whose progress is measured (§7); one without a target is a
 * monitored series: its values are recorded and read, and progress toward a target does not apply to it.
 */
export interface IndicatorDefinition {
  readonly indicatorId: IndicatorId;
  readonly label: string;
  readonly unit: string;
  /** Absent for a monitored series whose aim is not stated: a direction only matters against a target. */
  readonly direction?: IndicatorDirection;
  /** Absent when the starting value is not known. */
  readonly baseline?: IndicatorBaseline;
  /** Absent for a monitored series. */
  readonly target?: IndicatorTarget;
  /**
   * The year's targets on the way to the final one (PILOTE's valeur cible annuelle, VCA), one per year at most, each
   * due within its year: the annual rate of a value measured in a year is measured against that year's. Only with a
   * target.
   */
  readonly annualTargets?: readonly IndicatorTarget[];
  /** Absent when the national values are only ever measured nationally. */
  readonly nationalFrom?: NationalFromTerritories;
}

/** An indicator whose progress toward target can be computed: it has a target, a baseline and a direction. */
export interface TargetedIndicator extends IndicatorDefinition {
  readonly direction: IndicatorDirection;
  readonly baseline: IndicatorBaseline;
  readonly target: IndicatorTarget;
}

/** Whether progress toward target applies to the indicator (false for a monitored series). */
export function isTargeted(indicator: IndicatorDefinition): indicator is TargetedIndicator {
  return indicator.target !== undefined && indicator.baseline !== undefined && indicator.direction !== undefined;
}

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

/** A measure of a project's results, in the manner of the Baromètre des résultats de l'action publique. */
export interface IndicatorDefinition {
  readonly indicatorId: IndicatorId;
  readonly label: string;
  readonly unit: string;
  readonly direction: IndicatorDirection;
  readonly baseline: IndicatorBaseline;
  readonly target: IndicatorTarget;
}

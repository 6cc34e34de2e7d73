import type { IndicatorId, MilestoneId, ProjectId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import type { Territory } from '../shared/territory';
import type { IndicatorBaseline, IndicatorDefinition, IndicatorTarget, PlannedMilestone, ProjectCharter } from './plan';

/** A project starts within a mission, with its first plan (version 1): milestones and indicators. */
export interface ProjectLaunched {
  readonly type: 'ProjectLaunched';
  readonly data: ProjectCharter & {
    readonly milestones: readonly PlannedMilestone[];
    readonly indicators: readonly IndicatorDefinition[];
  };
}

/** A milestone was reached; `daysLate` counts whole days past its due date in the plan then in force (0 if on time). */
export interface MilestoneReached {
  readonly type: 'MilestoneReached';
  readonly data: {
    readonly projectId: ProjectId;
    readonly milestoneId: MilestoneId;
    readonly reachedOn: IsoDate;
    readonly evidence?: string;
    readonly daysLate: number;
  };
}

/**
 * A published release a value was taken from: `series` names what is published release after release (`barometre`),
 * `id` the release within it (a Baromètre release is known by its date, `2023-01-19`), `publishedOn` the day it was
 * published.
 */
export interface MeasurementRelease {
  readonly series: string;
  readonly id: string;
  readonly publishedOn: IsoDate;
}

/**
 * An indicator's value for a period (named by its end date) and a territory. `supersedes` holds the value it restates
 * when one was already known for the same indicator, territory and period. `release` names the published release the
 * value was taken from; events recorded before it existed have none. `publishedCurrent` marks the current value a
 * release published for the indicator (the Baromètre synthesis's valeur actuelle, VA, dated by its period): the figure
 * its progress is published from, kept beside the series of period values rather than in it, since it may total
 * several periods (a year of quarters, the fines since the baseline). With it, `publishedAgainst` holds the initial
 * value (VI) and the targets (VC, and VCA for the year) the release measured it against, when it published them.
 * Events recorded before these fields existed have none.
 */
export interface IndicatorMeasured {
  readonly type: 'IndicatorMeasured';
  readonly data: {
    readonly projectId: ProjectId;
    readonly indicatorId: IndicatorId;
    readonly value: number;
    /**
     * The decimal places the value is given with (schema version 2): 12.50 is `value` 12.5 and `decimals` 2, which
     * a JSON number alone cannot tell apart from 12.5. At least the places the number shows.
     */
    readonly decimals: number;
    readonly period: IsoDate;
    readonly territory: Territory;
    readonly source?: string;
    readonly release?: MeasurementRelease;
    readonly supersedes?: number;
    readonly publishedCurrent?: true;
    readonly publishedAgainst?: PublishedBasis;
  };
}

/** What a release measured its current value against: VI, VC and the year's target VCA, those it published. */
export interface PublishedBasis {
  readonly initial?: IndicatorBaseline;
  readonly target?: IndicatorTarget;
  readonly annualTarget?: IndicatorTarget;
}

/** A milestone moved to a new due date; `from` is the due date of the plan it replaces. */
export interface MilestoneRescheduled {
  readonly milestoneId: MilestoneId;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** An indicator given a new target; `from` is the target of the plan it replaces. */
export interface IndicatorRetargeted {
  readonly indicatorId: IndicatorId;
  readonly from: IndicatorTarget;
  readonly to: IndicatorTarget;
}

/** What a redesign changes in the plan in force; lists are empty when nothing of that kind changes. */
export interface PlanChanges {
  readonly objective?: string;
  readonly milestones: {
    readonly added: readonly PlannedMilestone[];
    readonly removed: readonly MilestoneId[];
    readonly rescheduled: readonly MilestoneRescheduled[];
  };
  readonly indicators: {
    readonly added: readonly IndicatorDefinition[];
    readonly retired: readonly IndicatorId[];
    readonly retargeted: readonly IndicatorRetargeted[];
  };
}

/** The plan changed, for a stated reason, often at a CITP review (`decidedBy`); it becomes version `planVersion`. */
export interface ProjectRedesigned {
  readonly type: 'ProjectRedesigned';
  readonly data: {
    readonly projectId: ProjectId;
    readonly planVersion: number;
    readonly reason: string;
    readonly decidedOn: IsoDate;
    readonly decidedBy?: string;
    readonly changes: PlanChanges;
  };
}

/** How a project ended: delivered, or stopped before delivery. */
export type ProjectOutcome = 'completed' | 'abandoned';

export const PROJECT_OUTCOMES: readonly ProjectOutcome[] = ['completed', 'abandoned'];

/** The project ended; its stream accepts nothing after this. */
export interface ProjectClosed {
  readonly type: 'ProjectClosed';
  readonly data: {
    readonly projectId: ProjectId;
    readonly outcome: ProjectOutcome;
    readonly closedOn: IsoDate;
    readonly note: string;
  };
}

/** Every event of a `project-<id>` stream. */
export type ProjectEvent = ProjectLaunched | MilestoneReached | IndicatorMeasured | ProjectRedesigned | ProjectClosed;

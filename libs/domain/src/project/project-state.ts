import type { IndicatorId, MilestoneId } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import type { TerritoryKey } from '../shared/territory';
import type { IndicatorDefinition, ProjectCharter } from './plan';
import type { ProjectOutcome, PublishedBasis } from './project-events';

/** A milestone of the plan in force: when it is due and, once reached, when and how many days late. */
export interface MilestoneState {
  readonly title: string;
  readonly dueOn: IsoDate;
  readonly reachedOn?: IsoDate;
  readonly daysLate?: number;
}

/** An indicator of the plan in force; a retired one stays, flagged, so that its measurements keep their meaning. */
export interface IndicatorState extends IndicatorDefinition {
  readonly retired: boolean;
}

/** Values measured for one territory, by period end date; a restatement has replaced the value it superseded. */
export type PeriodValues = Readonly<Record<IsoDate, number>>;

/** Every value known so far: indicator → territory key (`level:code`) → period → value. */
export type Measurements = Readonly<Record<IndicatorId, Readonly<Record<TerritoryKey, PeriodValues>>>>;

/** A release's published current value (VA) of an indicator, the period it is dated by, and what it was measured against. */
export interface PublishedCurrentValue {
  readonly value: number;
  readonly period: IsoDate;
  readonly against?: PublishedBasis;
}

/** The last current value published for each indicator and territory: indicator → territory key → value. */
export type PublishedCurrentValues = Readonly<
  Record<IndicatorId, Readonly<Record<TerritoryKey, PublishedCurrentValue>>>
>;

/** What is known of a project from its launch on. */
export interface LaunchedProjectFacts extends ProjectCharter {
  /** 1 at launch, one more per redesign. */
  readonly planVersion: number;
  /** The plan in force: milestones removed by a redesign are gone. */
  readonly milestones: Readonly<Record<MilestoneId, MilestoneState>>;
  readonly indicators: Readonly<Record<IndicatorId, IndicatorState>>;
  readonly measurements: Measurements;
  /** Beside the series: the current values releases published, from which their progress was computed. */
  readonly publishedCurrent: PublishedCurrentValues;
}

/** No ProjectLaunched yet: the project does not exist. */
export interface NotLaunchedProject {
  readonly status: 'not_launched';
}

/** A launched project still under way: it accepts commands. */
export interface ActiveProject extends LaunchedProjectFacts {
  readonly status: 'active';
}

/** A project that ended: read-only history. */
export interface ClosedProject extends LaunchedProjectFacts {
  readonly status: 'closed';
  readonly outcome: ProjectOutcome;
  readonly closedOn: IsoDate;
  readonly note: string;
}

/** A project that exists, open or closed. */
export type LaunchedProject = ActiveProject | ClosedProject;

/** A project's state, folded from its stream. */
export type ProjectState = NotLaunchedProject | LaunchedProject;

export const initialProjectState: ProjectState = { status: 'not_launched' };

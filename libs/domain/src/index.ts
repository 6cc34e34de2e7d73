export { businessDateOf } from './business-date';
export { missionOf, projectOf, reviewCycleOf, type AggregateStream } from './aggregate-streams';
export {
  COMMAND_ROUTES,
  routeOf,
  type CommandRoute,
  type DomainCommand,
  type FactSubjects,
  type OutsideFact,
  type OutsideFacts,
} from './command-routes';
export { DOMAIN_EVENT_TYPES, type DomainEvent, type DomainEventType } from './domain-event';
export { decimalsOf } from './schema/decimals';
export { EVENT_SCHEMA_VERSIONS, UPCASTERS, upcastEvent } from './schema/event-schemas';
export { UnreadableEventSchemaError, type EventData, type Upcaster, type VersionedEvent } from './schema/upcast';
export { PERSONAL_ACTOR_FIELDS, PERSONAL_DATA_FIELDS } from './personal-fields';
export type { ErasureScope, PersonalDataErased, PersonalDataEvent } from './personal-data/personal-data-events';
export {
  PERSONAL_DATA_STREAM,
  STREAM_PREFIXES,
  missionStream,
  parseStreamId,
  projectStream,
  reviewCycleStream,
  streamIdOf,
  type StreamKind,
} from './stream-names';

export type { DecisionContext } from './shared/decision-context';
export {
  ConflictError,
  DOMAIN_ERROR_CODES,
  DomainError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  type ConflictCode,
  type DomainErrorCode,
  type DomainErrorKind,
  type InvalidInputCode,
  type NotFoundCode,
  type RefusalFacts,
  type RuleCode,
} from './shared/domain-error';
export {
  MISSION_CODE_PATTERN,
  SLUG_PATTERN,
  type IndicatorId,
  type MilestoneId,
  type MissionCode,
  type ProjectId,
  type ReviewCycleId,
} from './shared/ids';
export { ISO_DATE_PATTERN, daysBetween, isIsoDate, type IsoDate } from './shared/iso-date';
export { LIMITS } from './shared/limits';
export { LONG_TEXT, SHORT_TEXT, forbiddenCharacterIn, type TextKind } from './shared/text-characters';
export {
  NATIONAL_TERRITORY,
  TERRITORY_CODE_PATTERN,
  TERRITORY_LEVELS,
  territoryKey,
  type Territory,
  type TerritoryKey,
  type TerritoryLevel,
} from './shared/territory';

export { decideDefineMission, type DefineMission } from './mission/decide-define-mission';
export { evolveMission, foldMission } from './mission/evolve-mission';
export type { MissionDefined, MissionEvent } from './mission/mission-events';
export {
  initialMissionState,
  type DefinedMission,
  type MissionState,
  type UndefinedMission,
} from './mission/mission-state';

export { decideCloseProject, type CloseProject } from './project/decide-close-project';
export { decideLaunchProject, type LaunchProject } from './project/decide-launch-project';
export { decideReachMilestone, type ReachMilestone } from './project/decide-reach-milestone';
export {
  decideRecordMeasurements,
  type MeasurementInput,
  type RecordMeasurements,
} from './project/decide-record-measurements';
export { decideRedesignProject, type RedesignProject } from './project/decide-redesign-project';
export { evolveProject, foldProject } from './project/evolve-project';
export {
  RED_OVERDUE_DAYS,
  assessHealth,
  milestoneOverdueDays,
  projectHealth,
  type Health,
  type HealthAssessment,
  type HealthReason,
} from './project/health';
export { isPublishedAlready, knownValue, latestValue } from './project/measurements';
export {
  INDICATOR_DIRECTIONS,
  type IndicatorBaseline,
  type IndicatorDefinition,
  type IndicatorDirection,
  type IndicatorTarget,
  type PlannedMilestone,
  type ProjectCharter,
  type TargetedIndicator,
  type NationalFromTerritories,
  type TerritorialAggregation,
  AGGREGATED_LEVELS,
  TERRITORIAL_AGGREGATIONS,
  isTargeted,
} from './project/plan';
export { expectedProgress, progressTowardTarget, type Progress } from './project/progress';
export {
  annualRate,
  globalRate,
  nationalRateBasis,
  progressRate,
  territoryRateBasis,
  type Rate,
  type RateBasis,
  type RateInputs,
  type RateUnavailable,
  type RateUses,
} from './project/progress-rates';
export { type RateValue, type RateValueSource } from './project/rate-values';
export {
  PROJECT_OUTCOMES,
  type IndicatorMeasured,
  type IndicatorRetargeted,
  type MeasurementRelease,
  type MilestoneReached,
  type MilestoneRescheduled,
  type PublishedBasis,
  type PlanChanges,
  type ProjectClosed,
  type ProjectEvent,
  type ProjectLaunched,
  type ProjectOutcome,
  type ProjectRedesigned,
} from './project/project-events';
export {
  initialProjectState,
  type ActiveProject,
  type ClosedProject,
  type IndicatorState,
  type LaunchedProject,
  type LaunchedProjectFacts,
  type Measurements,
  type MilestoneState,
  type NotLaunchedProject,
  type PeriodValues,
  type ProjectState,
  type PublishedCurrentValue,
  type PublishedCurrentValues,
} from './project/project-state';
export type { RequestedIndicatorChanges } from './project/redesign-indicators';
export type { RequestedMilestoneChanges } from './project/redesign-milestones';

export {
  decideHoldReviewCycle,
  type HoldReviewCycle,
  type SealedDecisionContext,
} from './review-cycle/decide-hold-review-cycle';
export { evolveReviewCycle, foldReviewCycle } from './review-cycle/evolve-review-cycle';
export type { LogSeal, ReviewCycleEvent, ReviewCycleHeld } from './review-cycle/review-cycle-events';
export {
  initialReviewCycleState,
  type HeldReviewCycle,
  type ReviewCycleNotHeld,
  type ReviewCycleState,
} from './review-cycle/review-cycle-state';

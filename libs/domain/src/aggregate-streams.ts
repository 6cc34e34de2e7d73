import type { DomainEvent } from './domain-event';
import { foldMission } from './mission/evolve-mission';
import type { MissionEvent } from './mission/mission-events';
import type { MissionState } from './mission/mission-state';
import { foldProject } from './project/evolve-project';
import type { ProjectEvent } from './project/project-events';
import type { ProjectState } from './project/project-state';
import { foldReviewCycle } from './review-cycle/evolve-review-cycle';
import type { ReviewCycleEvent } from './review-cycle/review-cycle-events';
import type { ReviewCycleState } from './review-cycle/review-cycle-state';
import type { MissionCode, ProjectId, ReviewCycleId } from './shared/ids';
import { missionStream, projectStream, reviewCycleStream } from './stream-names';

/** A stream, and how its events fold into the state a decision rules on. */
export interface AggregateStream<State> {
  readonly streamId: string;
  /** Folds events onto `from` (the initial state when omitted): a stream only ever holds its aggregate's events. */
  readonly fold: (events: readonly DomainEvent[], from?: State) => State;
}

export function missionOf(missionCode: MissionCode): AggregateStream<MissionState> {
  return { streamId: missionStream(missionCode), fold: (events, from) => foldMission(events as MissionEvent[], from) };
}

export function projectOf(projectId: ProjectId): AggregateStream<ProjectState> {
  return { streamId: projectStream(projectId), fold: (events, from) => foldProject(events as ProjectEvent[], from) };
}

export function reviewCycleOf(cycleId: ReviewCycleId): AggregateStream<ReviewCycleState> {
  return {
    streamId: reviewCycleStream(cycleId),
    fold: (events, from) => foldReviewCycle(events as ReviewCycleEvent[], from),
  };
}

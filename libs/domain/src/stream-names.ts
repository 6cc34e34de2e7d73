import type { DomainEvent } from './domain-event';
import { assertNever } from './shared/assert-never';
import { MISSION_CODE_PATTERN, SLUG_PATTERN, type MissionCode, type ProjectId, type ReviewCycleId } from './shared/ids';

/** The aggregate a stream holds the history of. */
export type StreamKind = 'project' | 'mission' | 'review-cycle';

const STREAM_KINDS: readonly StreamKind[] = ['project', 'mission', 'review-cycle'];

/** Stream-id prefixes, for reading every stream of one kind (`readAll({ streamPrefix })`). */
export const STREAM_PREFIXES: { readonly [Kind in StreamKind]: string } = {
  project: 'project-',
  mission: 'mission-',
  'review-cycle': 'review-cycle-',
};

const ID_PATTERNS: { readonly [Kind in StreamKind]: RegExp } = {
  project: SLUG_PATTERN,
  mission: MISSION_CODE_PATTERN,
  'review-cycle': SLUG_PATTERN,
};

export function projectStream(projectId: ProjectId): string {
  return `${STREAM_PREFIXES.project}${projectId}`;
}

export function missionStream(missionCode: MissionCode): string {
  return `${STREAM_PREFIXES.mission}${missionCode}`;
}

export function reviewCycleStream(cycleId: ReviewCycleId): string {
  return `${STREAM_PREFIXES['review-cycle']}${cycleId}`;
}

/**
 * The one stream of erasures: no decision reads it as an aggregate, erasures are rare, and one stream lets a retry
 * find an erasure that stopped before deleting its keys by reading a single stream.
 */
export const PERSONAL_DATA_STREAM = 'personal-data';

/** The aggregate behind a stream id, or undefined when the id is not one this domain writes. */
export function parseStreamId(streamId: string): { readonly kind: StreamKind; readonly id: string } | undefined {
  for (const kind of STREAM_KINDS) {
    const prefix = STREAM_PREFIXES[kind];
    const id = streamId.slice(prefix.length);
    if (streamId.startsWith(prefix) && ID_PATTERNS[kind].test(id)) return { kind, id };
  }
  return undefined;
}

/** The stream an event belongs to. */
export function streamIdOf(event: DomainEvent): string {
  switch (event.type) {
    case 'MissionDefined':
      return missionStream(event.data.missionCode);
    case 'ProjectLaunched':
    case 'MilestoneReached':
    case 'IndicatorMeasured':
    case 'ProjectRedesigned':
    case 'ProjectClosed':
      return projectStream(event.data.projectId);
    case 'ReviewCycleHeld':
      return reviewCycleStream(event.data.cycleId);
    case 'PersonalDataErased':
      return PERSONAL_DATA_STREAM;
    default:
      return assertNever(event);
  }
}

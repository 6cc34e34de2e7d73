import { assertNever } from '../shared/assert-never';
import type { MissionEvent } from './mission-events';
import { initialMissionState, type MissionState } from './mission-state';

/** Applies one fact to a mission's state; a second definition (which decide never emits) changes nothing. */
export function evolveMission(state: MissionState, event: MissionEvent): MissionState {
  switch (event.type) {
    case 'MissionDefined':
      return state.status === 'undefined_mission' ? { status: 'defined', ...event.data } : state;
    default:
      return assertNever(event.type);
  }
}

export function foldMission(events: Iterable<MissionEvent>, from: MissionState = initialMissionState): MissionState {
  let state = from;
  for (const event of events) state = evolveMission(state, event);
  return state;
}

import type { MissionCode } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';

/** No MissionDefined yet: projects cannot launch into this mission. */
export interface UndefinedMission {
  readonly status: 'undefined_mission';
}

/** A mission of the programme, open to projects. */
export interface DefinedMission {
  readonly status: 'defined';
  readonly missionCode: MissionCode;
  readonly name: string;
  readonly programme: string;
  readonly description?: string;
  readonly definedOn: IsoDate;
}

/** A mission's state, folded from its stream. */
export type MissionState = UndefinedMission | DefinedMission;

export const initialMissionState: MissionState = { status: 'undefined_mission' };

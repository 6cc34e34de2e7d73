import type { MissionCode } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';

/** A mission of the programme (Label, Idnum, Data, Infra, ...) now exists and can receive projects. */
export interface MissionDefined {
  readonly type: 'MissionDefined';
  readonly data: {
    readonly missionCode: MissionCode;
    readonly name: string;
    readonly programme: string;
    readonly description?: string;
    readonly definedOn: IsoDate;
  };
}

/** Every event of a `mission-<code>` stream. */
export type MissionEvent = MissionDefined;

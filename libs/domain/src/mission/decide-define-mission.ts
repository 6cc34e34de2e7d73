import type { DecisionContext } from '../shared/decision-context';
import { ConflictError } from '../shared/domain-error';
import type { MissionCode } from '../shared/ids';
import type { IsoDate } from '../shared/iso-date';
import { LONG_TEXT, SHORT_TEXT } from '../shared/text-characters';
import { optionalText, requireFactDate, requireMissionCode, requireText } from '../shared/validation';
import type { MissionDefined } from './mission-events';
import type { MissionState } from './mission-state';

/** Programme office: create a mission of the programme. */
export interface DefineMission {
  readonly type: 'DefineMission';
  readonly missionCode: MissionCode;
  readonly name: string;
  readonly programme: string;
  readonly description?: string;
  readonly definedOn: IsoDate;
}

export function decideDefineMission(
  state: MissionState,
  command: DefineMission,
  context: DecisionContext,
): readonly MissionDefined[] {
  const missionCode = requireMissionCode(command.missionCode, 'missionCode');
  const name = requireText(command.name, 'name', SHORT_TEXT);
  const programme = requireText(command.programme, 'programme', SHORT_TEXT);
  const description = optionalText(command.description, 'description', LONG_TEXT);
  const definedOn = requireFactDate(command.definedOn, 'definedOn', context.today);
  if (state.status === 'defined') {
    throw new ConflictError(
      'mission_already_defined',
      `mission ${missionCode} was already defined on ${state.definedOn}`,
      undefined,
      { id: missionCode, on: state.definedOn },
    );
  }
  return [
    {
      type: 'MissionDefined',
      data: { missionCode, name, programme, ...(description === undefined ? {} : { description }), definedOn },
    },
  ];
}

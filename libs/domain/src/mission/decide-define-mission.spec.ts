import { given } from '../testing/given';
import { idnumDefined, onToday } from '../testing/tech-gouv';
import type { DefineMission } from './decide-define-mission';

const defineIdnum: DefineMission = {
  type: 'DefineMission',
  missionCode: 'IDNUM',
  name: 'Identité numérique',
  programme: 'Tech.gouv',
  definedOn: '2019-04-25',
};

describe('DefineMission', () => {
  it('defines a mission', () => {
    given().when(defineIdnum, onToday).then(idnumDefined);
  });

  it('keeps a description, trimmed, and drops a blank one', () => {
    const description = 'Permettre à chacun de prouver son identité en ligne';
    given()
      .when({ ...defineIdnum, description: `  ${description}\n` }, onToday)
      .then({ type: 'MissionDefined', data: { ...idnumDefined.data, description } });
    given()
      .when({ ...defineIdnum, description: '   ' }, onToday)
      .then(idnumDefined);
  });

  it('trims the name and programme', () => {
    given()
      .when({ ...defineIdnum, name: ' Identité numérique ', programme: 'Tech.gouv\t' }, onToday)
      .then(idnumDefined);
  });

  it('defines a mission once', () => {
    given(idnumDefined)
      .when(defineIdnum, onToday)
      .thenThrows({ code: 'mission_already_defined', kind: 'conflict', message: /IDNUM.*2019-04-25/ });
  });

  it.each(['idnum', 'I', '1DNUM', 'ID NUM', `I${'D'.repeat(32)}`])('refuses the mission code %p', (missionCode) => {
    given()
      .when({ ...defineIdnum, missionCode }, onToday)
      .thenThrows({ code: 'invalid_mission_code', kind: 'invalid', path: 'missionCode' });
  });

  it('accepts a 32-character mission code with digits, - and _', () => {
    const missionCode = `X_2-${'A'.repeat(28)}`;
    given()
      .when({ ...defineIdnum, missionCode }, onToday)
      .then({ type: 'MissionDefined', data: { ...idnumDefined.data, missionCode } });
  });

  it('requires a name and a programme', () => {
    given()
      .when({ ...defineIdnum, name: '  ' }, onToday)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'name' });
    given()
      .when({ ...defineIdnum, programme: undefined as unknown as string }, onToday)
      .thenThrows({ code: 'required', kind: 'invalid', path: 'programme' });
  });

  it('bounds the name to 200 characters', () => {
    given()
      .when({ ...defineIdnum, name: 'N'.repeat(201) }, onToday)
      .thenThrows({ code: 'too_long', kind: 'invalid', path: 'name', message: /201 characters/ });
  });

  it('bounds the description to 2000 characters', () => {
    given()
      .when({ ...defineIdnum, description: 'D'.repeat(2001) }, onToday)
      .thenThrows({ code: 'too_long', kind: 'invalid', path: 'description' });
  });

  it('refuses a name that is not text', () => {
    given()
      .when({ ...defineIdnum, name: 42 as unknown as string }, onToday)
      .thenThrows({ code: 'invalid_type', kind: 'invalid', path: 'name' });
  });

  it('refuses a date that does not exist', () => {
    given()
      .when({ ...defineIdnum, definedOn: '2019-02-30' }, onToday)
      .thenThrows({ code: 'invalid_date', kind: 'invalid', path: 'definedOn', message: /"2019-02-30"/ });
  });

  it('refuses a definition dated after today, and accepts one dated today', () => {
    given()
      .when({ ...defineIdnum, definedOn: '2021-07-01' }, onToday)
      .thenThrows({ code: 'date_in_future', kind: 'rule', path: 'definedOn', message: /2021-07-01/ });
    given()
      .when({ ...defineIdnum, definedOn: '2021-06-30' }, onToday)
      .then({ type: 'MissionDefined', data: { ...idnumDefined.data, definedOn: '2021-06-30' } });
  });
});

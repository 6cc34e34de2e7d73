import { idnumDefined } from '../testing/tech-gouv';
import { evolveMission, foldMission } from './evolve-mission';
import { initialMissionState } from './mission-state';

describe('mission state', () => {
  it('starts undefined', () => {
    expect(foldMission([])).toEqual({ status: 'undefined_mission' });
  });

  it('is defined by MissionDefined', () => {
    expect(foldMission([idnumDefined])).toEqual({
      status: 'defined',
      missionCode: 'IDNUM',
      name: 'Identité numérique',
      programme: 'Tech.gouv',
      definedOn: '2019-04-25',
    });
  });

  it('keeps its first definition', () => {
    const defined = evolveMission(initialMissionState, idnumDefined);
    const renamed = { ...idnumDefined, data: { ...idnumDefined.data, name: 'Autre' } };
    expect(evolveMission(defined, renamed)).toBe(defined);
  });
});

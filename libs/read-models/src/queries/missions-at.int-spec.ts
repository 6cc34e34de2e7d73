import { givenTimeTravel } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import {
  apiParticulier,
  dataView,
  fcAtCitp4,
  fcAtCitp5,
  fcAtCitp5Restated,
  fcJune30,
  hubeeAtCitp4,
  hubeeJune30,
  idnumView,
  vitamActive,
  vitamClosed,
} from '../testing/time-travel-documents';
import type { MissionView } from '../views/documents';
import { missionAt, missionsAt } from './missions-at';
import { ReadModelNotFoundError } from './query-errors';

/** A mission's facts, as the list and the detail give them beside the roll-up. */
const facts = ({ projects: _projects, ...mission }: MissionView) => mission;

describe.each(STORE_KINDS)('the missions at (at, asOf) on %s', (kind) => {
  const scenario = givenTimeTravel(kind);
  const position = (ordinal: number) => ({ position: scenario.position(ordinal) });

  it('at CITP 4 as CITP 4 knew it: each mission rolled up from the projects then known', async () => {
    const document = await missionsAt(scenario.context, { at: '2019-11-15', asOf: position(10) });
    expect(document).toMatchObject({
      ...scenario.stamp('2019-11-15', 10),
      missions: [
        {
          ...facts(dataView([])),
          // Hubee at 10 %, amber; Vitam, without indicators, has no progress.
          rollUp: {
            projects: 2,
            active: 2,
            closed: 0,
            health: { green: 1, amber: 1, red: 0 },
            lateMilestones: 0,
            progress: { mean: 10, measured: 1, notApplicable: 1, notYetMeasured: 0 },
          },
        },
        {
          ...facts(idnumView([])),
          // franceconnect-plus was reached 31 days late.
          rollUp: {
            projects: 1,
            health: { green: 1, amber: 0, red: 0 },
            lateMilestones: 1,
            progress: { mean: 25, measured: 1, notApplicable: 0, notYetMeasured: 0 },
          },
        },
      ],
    });
  });

  it("at CITP 5's date: the progress CITP 5 knew (70 %), then the restated value's (75 %)", async () => {
    const asCitp5Knew = await missionAt(scenario.context, 'IDNUM', { at: '2021-02-05', asOf: position(17) });
    const asKnownNow = await missionAt(scenario.context, 'IDNUM', { at: '2021-02-05' });
    expect(asCitp5Knew).toMatchObject({
      ...scenario.stamp('2021-02-05', 17),
      rollUp: { progress: { mean: 70, measured: 1 } },
      projects: [fcAtCitp5],
    });
    expect(asKnownNow).toMatchObject({
      ...scenario.stamp('2021-02-05'),
      rollUp: { progress: { mean: 75, measured: 1 } },
      projects: [fcAtCitp5Restated],
    });
  });

  it('on 2021-06-30: Vitam closed, API Particulier without indicators, Hubee red with its milestone overdue', async () => {
    expect(await missionAt(scenario.context, 'DATA', { at: '2021-06-30' })).toEqual({
      ...scenario.stamp('2021-06-30'),
      ...facts(dataView([])),
      rollUp: {
        projects: 3,
        active: 2,
        closed: 1,
        completed: 1,
        abandoned: 0,
        health: { green: 1, amber: 0, red: 1 },
        milestones: { total: 2, reached: 1, reachedLate: 0, overdue: 1 },
        lateMilestones: 1,
        progress: { mean: 60, measured: 1, notApplicable: 2, notYetMeasured: 0 },
      },
      projects: [apiParticulier, hubeeJune30, vitamClosed],
    });
    // FranceConnect: agentconnect 91 days overdue (red), franceconnect-plus reached late.
    expect((await missionsAt(scenario.context, { at: '2021-06-30' })).missions[1]).toMatchObject({
      missionCode: 'IDNUM',
      rollUp: { health: { green: 0, amber: 0, red: 1 }, lateMilestones: 2, progress: { mean: 85 } },
    });
    expect((await missionAt(scenario.context, 'IDNUM', { at: '2021-06-30' })).projects).toEqual([fcJune30]);
  });

  it('gives the projects of a mission as the portfolio gives them', async () => {
    expect(await missionAt(scenario.context, 'DATA', { at: '2019-11-15', asOf: position(10) })).toMatchObject({
      projects: [hubeeAtCitp4, vitamActive(0)],
    });
    expect(await missionAt(scenario.context, 'IDNUM', { at: '2019-11-15', asOf: position(10) })).toMatchObject({
      projects: [fcAtCitp4],
    });
  });

  it('refuses a mission never defined, or not yet known at (at, asOf)', async () => {
    await expect(missionAt(scenario.context, 'SANTE', {})).rejects.toThrow(
      new ReadModelNotFoundError('mission', 'SANTE'),
    );
    // Only IDNUM is known at the first position; DATA is defined from 2019-04-25.
    await expect(missionAt(scenario.context, 'DATA', { asOf: position(1) })).rejects.toMatchObject({
      code: 'mission_not_found',
    });
    await expect(missionAt(scenario.context, 'DATA', { at: '2019-04-24' })).rejects.toMatchObject({
      code: 'mission_not_found',
    });
    expect((await missionsAt(scenario.context, { asOf: position(1) })).missions.map((m) => m.missionCode)).toEqual([
      'IDNUM',
    ]);
  });
});

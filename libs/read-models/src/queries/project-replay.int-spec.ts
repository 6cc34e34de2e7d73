import type { ProjectDetail, TemporalStamp } from '../views/documents';
import { givenTimeTravel, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { elapsed, franceconnect, franceconnectDetail, usagersView } from '../testing/time-travel-documents';
import { projectDetailAt } from './project-detail';
import { projectHistory } from './project-history';
import { projectReplay } from './project-replay';

const withoutStamp = ({ at: _at, asOf: _asOf, ...document }: TemporalStamp & ProjectDetail) => document;

describe.each(STORE_KINDS)("a project's replay on %s", (kind) => {
  const scenario = givenTimeTravel(kind);

  it('gives the state after each event, at its business date', async () => {
    const replay = await projectReplay(scenario.context, 'franceconnect', {});
    expect(
      replay.items.map(({ revision, state }) => [
        revision,
        state?.health,
        state?.milestones,
        state?.indicators[0].latest,
      ]),
    ).toEqual([
      ['0', 'green', { total: 2, reached: 0, reachedLate: 0, overdue: 0 }, null],
      ['1', 'green', { total: 2, reached: 0, reachedLate: 0, overdue: 0 }, { value: 13, period: '2019-06-30' }],
      ['2', 'green', { total: 2, reached: 0, reachedLate: 0, overdue: 0 }, { value: 15, period: '2019-09-30' }],
      ['3', 'green', { total: 2, reached: 0, reachedLate: 0, overdue: 0 }, { value: 15, period: '2019-09-30' }],
      // The late milestone: reached, and reached late.
      ['4', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 15, period: '2019-09-30' }],
      ['5', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 20, period: '2020-06-30' }],
      ['6', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 24, period: '2020-12-31' }],
      ['7', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 24, period: '2020-12-31' }],
      ['8', 'green', { total: 2, reached: 1, reachedLate: 1, overdue: 0 }, { value: 25, period: '2020-12-31' }],
      // 2021-06-30: agentconnect 91 days overdue.
      ['9', 'red', { total: 2, reached: 1, reachedLate: 1, overdue: 1 }, { value: 27, period: '2021-06-30' }],
    ]);
    expect(replay).toMatchObject({ ...scenario.stamp(TIME_TRAVEL_TODAY), nextCursor: null });
  });

  it('gives each item as the history does, with the whole project right after it', async () => {
    const history = await projectHistory(scenario.context, 'franceconnect', {});
    const replay = await projectReplay(scenario.context, 'franceconnect', {});
    expect(replay.items.map(({ state: _state, ...item }) => item)).toEqual(history.items);
    // After the late milestone, at 2019-10-31 (303 days after the baseline).
    expect(replay.items[4].state).toEqual(
      franceconnectDetail(
        franceconnect('green', 0, usagersView({ value: 15, period: '2019-09-30' }, 25, elapsed(303, 1460))),
        0,
      ),
    );
  });

  it('pages after a revision, the state still folding every event before it', async () => {
    const whole = await projectReplay(scenario.context, 'franceconnect', {});
    expect(await projectReplay(scenario.context, 'franceconnect', { after: 4n, limit: 2 })).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      items: whole.items.slice(5, 7),
      nextCursor: '6',
    });
  });

  it("gives each project's state as the project read at the event's business date and position", async () => {
    // §7: the state after an event is the fold of the events recorded by then (position ≤ its position) and dated by
    // then (business date ≤ its date). Hubee's 2021-06-30 value was recorded after the redesign decided on 2021-07-05:
    // on 2021-06-30 the first plan was still in force.
    for (const projectId of ['franceconnect', 'hubee', 'vitam', 'api-particulier']) {
      const replay = await projectReplay(scenario.context, projectId, {});
      for (const { position, businessDate, state } of replay.items) {
        const asRead = withoutStamp(
          await projectDetailAt(scenario.context, projectId, {
            at: businessDate,
            asOf: { position: BigInt(position) },
          }),
        );
        expect({ projectId, position, state }).toEqual({ projectId, position, state: asRead });
      }
    }
  });
});

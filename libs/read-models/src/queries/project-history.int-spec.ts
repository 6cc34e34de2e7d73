import { givenTimeTravel, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { PROGRAMME_OFFICE, STORE_KINDS } from '../testing/read-side';
import { projectHistory } from './project-history';
import { ReadModelNotFoundError } from './query-errors';

/** FranceConnect's events among the scenario's (ordinals), with their business dates and summaries. */
const FC_EVENTS = [3, 6, 7, 8, 10, 13, 14, 15, 19, 22];
const BUSINESS_DATES = [
  '2019-04-25',
  '2019-06-30',
  '2019-09-30',
  '2019-09-30',
  '2019-10-31',
  '2020-06-30',
  '2020-12-31',
  '2020-12-31',
  '2020-12-31',
  '2021-06-30',
];
const SUMMARIES = [
  'Launched "FranceConnect" in mission IDNUM on 2019-04-25 with 2 milestones and 1 indicator (lead: DINUM)',
  'Measured usagers-franceconnect = 13 for the period ending 2019-06-30 (national FR), source: DINUM',
  'Measured usagers-franceconnect = 15 for the period ending 2019-09-30 (national FR), source: DINUM',
  'Measured usagers-franceconnect = 1.6 for the period ending 2019-09-30 (region 84)',
  'Reached milestone franceconnect-plus on 2019-10-31, 31 days late (evidence: FranceConnect+ opened with La Poste digital identity)',
  'Measured usagers-franceconnect = 20 for the period ending 2020-06-30 (national FR)',
  'Measured usagers-franceconnect = 24 for the period ending 2020-12-31 (national FR)',
  'Measured usagers-franceconnect = 2.5 for the period ending 2020-12-31 (region 84)',
  'Restated usagers-franceconnect for the period ending 2020-12-31 (national FR): 24 → 25, source: DINUM, corrected figures',
  'Measured usagers-franceconnect = 27 for the period ending 2021-06-30 (national FR)',
];

describe.each(STORE_KINDS)("a project's history on %s", (kind) => {
  const scenario = givenTimeTravel(kind);

  const historyItem = (i: number) => {
    const event = scenario.event(FC_EVENTS[i]);
    return {
      position: event.position.toString(),
      revision: String(i),
      type: event.type,
      businessDate: BUSINESS_DATES[i],
      recordedAt: event.recordedAt,
      summary: SUMMARIES[i],
      data: event.data,
      metadata: { actor: PROGRAMME_OFFICE },
    };
  };
  const items = (from: number, to: number) => [...Array(to - from).keys()].map((i) => historyItem(from + i));

  it('lists every event in order with its metadata and summary', async () => {
    expect(await projectHistory(scenario.context, 'franceconnect', {})).toEqual({
      ...scenario.stamp(TIME_TRAVEL_TODAY),
      items: items(0, 10),
      nextCursor: null,
    });
  });

  it('pages after a revision', async () => {
    const first = await projectHistory(scenario.context, 'franceconnect', { limit: 4 });
    expect(first).toMatchObject({ items: items(0, 4), nextCursor: '3' });
    const second = await projectHistory(scenario.context, 'franceconnect', { limit: 4, after: 3n });
    expect(second).toMatchObject({ items: items(4, 8), nextCursor: '7' });
    const third = await projectHistory(scenario.context, 'franceconnect', { limit: 4, after: 7n });
    expect(third).toMatchObject({ items: items(8, 10), nextCursor: null });
  });

  it('keeps only what happened by `at` and was recorded by `asOf`', async () => {
    const asOf = { position: scenario.position(11) };
    expect(await projectHistory(scenario.context, 'franceconnect', { at: '2019-12-31', asOf })).toEqual({
      ...scenario.stamp('2019-12-31', 11),
      items: items(0, 5),
      nextCursor: null,
    });
    expect(await projectHistory(scenario.context, 'franceconnect', { at: '2019-09-30' })).toMatchObject({
      items: items(0, 4),
    });
  });

  it('refuses a project not known at (at, asOf), even for a page after its last revision', async () => {
    const notFound = (projectId: string) => new ReadModelNotFoundError('project', projectId);
    await expect(projectHistory(scenario.context, 'data-pass', {})).rejects.toEqual(notFound('data-pass'));
    await expect(projectHistory(scenario.context, 'hubee', { at: '2019-06-30', after: 99n })).rejects.toEqual(
      notFound('hubee'),
    );
  });
});

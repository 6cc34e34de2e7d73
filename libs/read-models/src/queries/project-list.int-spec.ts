import { givenTimeTravel } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { apiParticulier, fcJune30, hubeeJuly10, hubeeJune30, vitamClosed } from '../testing/time-travel-documents';
import { encodeCursor } from './paging';
import { projectList } from './project-list';

describe.each(STORE_KINDS)('the list of projects on %s', (kind) => {
  const scenario = givenTimeTravel(kind);

  it('lists the projects of a mission by project id, in pages after the last id of the previous one', async () => {
    const first = await projectList(scenario.context, { at: '2021-07-10', missionCode: 'DATA', limit: 2 });
    expect(first).toEqual({
      ...scenario.stamp('2021-07-10'),
      items: [apiParticulier, hubeeJuly10],
      nextCursor: encodeCursor('hubee'),
    });
    expect(await projectList(scenario.context, { at: '2021-07-10', missionCode: 'DATA', after: 'hubee' })).toEqual({
      ...scenario.stamp('2021-07-10'),
      items: [vitamClosed],
      nextCursor: null,
    });
  });

  it('filters by health and by status at `at`', async () => {
    expect(await projectList(scenario.context, { at: '2021-06-30', health: 'red' })).toEqual({
      ...scenario.stamp('2021-06-30'),
      items: [fcJune30, hubeeJune30],
      nextCursor: null,
    });
    expect(await projectList(scenario.context, { at: '2021-06-30', status: 'closed' })).toMatchObject({
      items: [vitamClosed],
    });
  });

  it('lists them all without a limit (up to 50), as many as asked with one', async () => {
    const page = await projectList(scenario.context, { at: '2021-07-10' });
    expect([page.items.map((p) => p.projectId), page.nextCursor]).toEqual([
      ['api-particulier', 'franceconnect', 'hubee', 'vitam'],
      null,
    ]);
    const single = await projectList(scenario.context, { at: '2021-07-10', limit: 1, after: 'franceconnect' });
    expect([single.items.map((p) => p.projectId), single.nextCursor]).toEqual([['hubee'], encodeCursor('hubee')]);
  });
});

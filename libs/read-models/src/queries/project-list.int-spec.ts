import { givenTimeTravel } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import {
  apiParticulier,
  fcJuly10,
  fcJune30,
  hubeeJuly10,
  hubeeJune30,
  vitamClosed,
} from '../testing/time-travel-documents';
import { encodeCursor } from './paging';
import { projectList, type ProjectListQuery } from './project-list';
import { InvalidQueryError } from './query-errors';

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
    expect(await projectList(scenario.context, { at: '2021-06-30', health: ['red'] })).toEqual({
      ...scenario.stamp('2021-06-30'),
      items: [fcJune30, hubeeJune30],
      nextCursor: null,
    });
    expect(await projectList(scenario.context, { at: '2021-06-30', status: 'closed' })).toMatchObject({
      items: [vitamClosed],
    });
  });

  /** The ids of the projects listed on 2021-07-10: FranceConnect red with AgentConnect overdue, Hubee amber. */
  const idsJuly10 = async (query: Omit<ProjectListQuery, 'at'>) =>
    (await projectList(scenario.context, { at: '2021-07-10', ...query })).items.map((p) => p.projectId);

  it('filters by any of several colours, closed projects having none', async () => {
    expect(await projectList(scenario.context, { at: '2021-07-10', health: ['red', 'amber'] })).toEqual({
      ...scenario.stamp('2021-07-10'),
      items: [fcJuly10, hubeeJuly10],
      nextCursor: null,
    });
    expect(await idsJuly10({ health: ['green'] })).toEqual(['api-particulier']);
  });

  it('filters by a milestone overdue at `at`: Hubee is late on its first plan, no longer on its second', async () => {
    expect(await idsJuly10({ late: true })).toEqual(['franceconnect']);
    expect(await idsJuly10({ late: false })).toEqual(['api-particulier', 'hubee', 'vitam']);
    const june30 = await projectList(scenario.context, { at: '2021-06-30', late: true });
    expect(june30.items).toEqual([fcJune30, hubeeJune30]);
  });

  it('searches titles and objectives, case aside', async () => {
    // Objectives: API Particulier's and Hubee's speak of citizens and the administration.
    expect(await idsJuly10({ q: 'CITIZENS' })).toEqual(['api-particulier', 'hubee']);
    expect(await idsJuly10({ q: 'administration', missionCode: 'DATA', health: ['amber'] })).toEqual(['hubee']);
    expect(await idsJuly10({ q: 'vit' })).toEqual(['vitam']);
    expect(await idsJuly10({ q: 'blockchain' })).toEqual([]);
  });

  it('sorts by a key, ascending or descending, ties by project id', async () => {
    expect(await idsJuly10({ sort: 'health' })).toEqual(['franceconnect', 'hubee', 'api-particulier', 'vitam']);
    expect(await idsJuly10({ sort: '-health' })).toEqual(['vitam', 'api-particulier', 'hubee', 'franceconnect']);
    expect(await idsJuly10({ sort: 'launchedOn' })).toEqual(['franceconnect', 'vitam', 'hubee', 'api-particulier']);
    expect(await idsJuly10({ sort: '-title' })).toEqual(['vitam', 'hubee', 'franceconnect', 'api-particulier']);
    expect(await idsJuly10({ sort: '-overdue' })).toEqual(['franceconnect', 'api-particulier', 'hubee', 'vitam']);
    expect(await idsJuly10({ sort: 'missionCode' })).toEqual(['api-particulier', 'hubee', 'vitam', 'franceconnect']);
    expect(await idsJuly10({ sort: '-projectId' })).toEqual(['vitam', 'hubee', 'franceconnect', 'api-particulier']);
  });

  it('pages in the order asked for, the next page after the last project of the previous one', async () => {
    const first = await projectList(scenario.context, { at: '2021-07-10', sort: 'health', limit: 2 });
    expect([first.items.map((p) => p.projectId), first.nextCursor]).toEqual([
      ['franceconnect', 'hubee'],
      encodeCursor('hubee'),
    ]);
    expect(await idsJuly10({ sort: 'health', after: 'hubee' })).toEqual(['api-particulier', 'vitam']);
    // The project a cursor names need not match the filters any more: the page starts where it stands.
    expect(await idsJuly10({ sort: 'health', health: ['green'], after: 'franceconnect' })).toEqual(['api-particulier']);
  });

  it('refuses a cursor naming a project not known at (at, asOf)', async () => {
    const read = projectList(scenario.context, { at: '2019-07-01', after: 'api-particulier' });
    await expect(read).rejects.toThrow(
      new InvalidQueryError('cursor', 'cursor names a project not known at (at, asOf)'),
    );
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

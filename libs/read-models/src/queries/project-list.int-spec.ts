import type { StoredEvent } from '@portfolio/event-store';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import {
  apiParticulier,
  fcJune30,
  hubeeJuly10,
  hubeeJune30,
  stampAt,
  vitamClosed,
} from '../testing/time-travel-documents';
import { recordTimeTravel } from '../testing/time-travel-scenario';
import { encodeCursor } from './paging';
import { projectList } from './project-list';

const HEAD = 24;

describe.each(STORE_KINDS)('the list of projects on %s', (kind) => {
  let side: ReadSide;
  let recorded: StoredEvent[];

  beforeAll(async () => {
    side = await openReadSide(kind, '2024-03-15');
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });

  it('lists the projects of a mission by project id, in pages after the last id of the previous one', async () => {
    const first = await projectList(side.context, { at: '2021-07-10', missionCode: 'DATA', limit: 2 });
    expect(first).toEqual({
      ...stampAt(recorded, '2021-07-10', HEAD),
      items: [apiParticulier, hubeeJuly10],
      nextCursor: encodeCursor('hubee'),
    });
    expect(await projectList(side.context, { at: '2021-07-10', missionCode: 'DATA', after: 'hubee' })).toEqual({
      ...stampAt(recorded, '2021-07-10', HEAD),
      items: [vitamClosed],
      nextCursor: null,
    });
  });

  it('filters by health and by status at `at`', async () => {
    expect(await projectList(side.context, { at: '2021-06-30', health: 'red' })).toEqual({
      ...stampAt(recorded, '2021-06-30', HEAD),
      items: [fcJune30, hubeeJune30],
      nextCursor: null,
    });
    expect(await projectList(side.context, { at: '2021-06-30', status: 'closed' })).toMatchObject({
      items: [vitamClosed],
    });
  });

  it('lists them all without a limit (up to 50), as many as asked with one', async () => {
    const page = await projectList(side.context, { at: '2021-07-10' });
    expect([page.items.map((p) => p.projectId), page.nextCursor]).toEqual([
      ['api-particulier', 'franceconnect', 'hubee', 'vitam'],
      null,
    ]);
    const single = await projectList(side.context, { at: '2021-07-10', limit: 1, after: 'franceconnect' });
    expect([single.items.map((p) => p.projectId), single.nextCursor]).toEqual([['hubee'], encodeCursor('hubee')]);
  });
});

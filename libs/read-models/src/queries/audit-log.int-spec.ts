import type { StoredEvent } from '@portfolio/event-store';
import { givenTimeTravel } from '../testing/given-time-travel';
import { PROGRAMME_OFFICE, STORE_KINDS } from '../testing/read-side';
import { auditLogEvents, auditLogPage } from './audit-log';

describe.each(STORE_KINDS)('the audit log on %s', (kind) => {
  const scenario = givenTimeTravel(kind);
  const pos = (ordinal: number) => scenario.position(ordinal);
  const positions = (...ordinals: number[]) => ordinals.map((n) => pos(n).toString());
  const positionsOf = (page: { items: readonly { position: string }[] }) => page.items.map((item) => item.position);
  const streamed = async (events: AsyncIterable<StoredEvent>) => {
    const read: string[] = [];
    for await (const event of events) read.push(event.position.toString());
    return read;
  };

  it('filters by project, and pages with limit and after', async () => {
    const franceconnect = { projectId: 'franceconnect' };
    expect(positionsOf(await auditLogPage(scenario.context, franceconnect))).toEqual(
      positions(3, 6, 7, 8, 10, 13, 14, 15, 19, 22),
    );
    const first = await auditLogPage(scenario.context, { ...franceconnect, limit: 4 });
    expect([positionsOf(first), first.nextCursor]).toEqual([positions(3, 6, 7, 8), pos(8).toString()]);
    const second = await auditLogPage(scenario.context, { ...franceconnect, limit: 4, after: pos(8) });
    expect([positionsOf(second), second.nextCursor]).toEqual([positions(10, 13, 14, 15), pos(15).toString()]);
    const third = await auditLogPage(scenario.context, { ...franceconnect, limit: 4, after: pos(15) });
    expect([positionsOf(third), third.nextCursor]).toEqual([positions(19, 22), null]);
  });

  it("filters by mission (the mission's events and its projects'), by type, by actor and by time", async () => {
    const select = async (criteria: object) => positionsOf(await auditLogPage(scenario.context, criteria));
    expect(await select({ missionCode: 'DATA' })).toEqual(positions(2, 4, 5, 9, 12, 16, 17, 20, 21, 23));
    expect(await select({ type: 'ReviewCycleHeld' })).toEqual(positions(11, 18, 24));
    expect(await select({ actor: PROGRAMME_OFFICE.id })).toEqual(scenario.recorded.map((e) => e.position.toString()));
    expect(await select({ actor: 'someone-else' })).toEqual([]);
    expect(await select({ recordedFrom: scenario.event(19).recordedAt })).toEqual(positions(19, 20, 21, 22, 23, 24));
    // Chapters of the scenario are recorded apart: CITP 4 (11th) strictly before API Particulier (12th).
    expect(await select({ recordedTo: scenario.event(11).recordedAt })).toEqual(
      positions(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
    );
    expect(await select({ toPosition: pos(3) })).toEqual(positions(1, 2, 3));
    expect(await select({ fromPosition: pos(22) })).toEqual(positions(22, 23, 24));
    expect(await select({ fromPosition: pos(3), toPosition: pos(5) })).toEqual(positions(3, 4, 5));
  });

  it('pages from fromPosition, whichever of it and after comes later', async () => {
    const page = async (query: object) => {
      const { items, nextCursor } = await auditLogPage(scenario.context, { projectId: 'franceconnect', ...query });
      return [positionsOf({ items }), nextCursor];
    };
    expect(await page({ fromPosition: pos(8), limit: 2 })).toEqual([positions(8, 10), pos(10).toString()]);
    expect(await page({ fromPosition: pos(8), limit: 2, after: pos(10) })).toEqual([
      positions(13, 14),
      pos(14).toString(),
    ]);
    expect(await page({ fromPosition: pos(19), after: pos(3) })).toEqual([positions(19, 22), null]);
  });

  it('gives each event as the history does, with its stream, id and hashes', async () => {
    const redesign = scenario.event(20);
    expect(await auditLogPage(scenario.context, { type: 'ProjectRedesigned' })).toEqual({
      items: [
        {
          position: redesign.position.toString(),
          revision: '3',
          type: 'ProjectRedesigned',
          businessDate: '2021-07-05',
          recordedAt: redesign.recordedAt,
          summary:
            'Redesigned (plan v2) on 2021-07-05 by DINUM steering committee: rescheduled 1 milestone, retargeted 1 indicator' +
            ' — "Ministries join one by one: the opening is phased"',
          data: redesign.data,
          metadata: { actor: PROGRAMME_OFFICE },
          streamId: 'project-hubee',
          eventId: redesign.eventId,
          hash: redesign.hash,
          prevHash: scenario.event(16).hash,
        },
      ],
      nextCursor: null,
    });
  });

  it('streams every event selected, page by page, from fromPosition up to toPosition and the given end', async () => {
    const franceconnect = { projectId: 'franceconnect' };
    expect(await streamed(auditLogEvents(scenario.context, franceconnect, pos(24), 3))).toEqual(
      positions(3, 6, 7, 8, 10, 13, 14, 15, 19, 22),
    );
    expect(
      await streamed(auditLogEvents(scenario.context, { ...franceconnect, fromPosition: pos(8) }, pos(19), 2)),
    ).toEqual(positions(8, 10, 13, 14, 15, 19));
    expect(
      await streamed(auditLogEvents(scenario.context, { ...franceconnect, toPosition: pos(10) }, pos(24), 2)),
    ).toEqual(positions(3, 6, 7, 8, 10));
    expect(await streamed(auditLogEvents(scenario.context, { type: 'ReviewCycleHeld' }, pos(23)))).toEqual(
      positions(11, 18),
    );
  });
});

import { newEventId } from './event-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newEventId', () => {
  it('makes RFC 9562 version-7 UUIDs that carry the time in their first 48 bits', () => {
    const id = newEventId(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
  });

  it('sorts ids in the order they were made, within a millisecond and across the counter limit', () => {
    const instant = Date.UTC(2030, 5, 6);
    const ids = Array.from({ length: 10_000 }, () => newEventId(instant));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(UUID_V7));
  });

  it('stays ordered when the clock steps back', () => {
    const later = newEventId(Date.UTC(2040, 0, 1));
    const stepped = newEventId(Date.UTC(2039, 0, 1));
    expect(stepped > later).toBe(true);
  });
});

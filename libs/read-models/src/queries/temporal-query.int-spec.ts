import { givenTimeTravel, TIME_TRAVEL_TODAY } from '../testing/given-time-travel';
import { STORE_KINDS } from '../testing/read-side';
import { InvalidQueryError } from './query-errors';
import { resolvePoint } from './temporal-query';

describe.each(STORE_KINDS)('where a read stands in time on %s', (kind) => {
  const scenario = givenTimeTravel(kind);
  const pos = (ordinal: number) => scenario.position(ordinal);

  it('defaults to today, as known by the read models', async () => {
    expect(await resolvePoint(scenario.context, {})).toEqual({
      point: { at: TIME_TRAVEL_TODAY, asOf: pos(24) },
      stamp: scenario.stamp(TIME_TRAVEL_TODAY),
    });
  });

  it('reads asOf as a position, or as the last position recorded by an instant', async () => {
    const at = '2021-02-05';
    expect(await resolvePoint(scenario.context, { at, asOf: { position: pos(17) } })).toEqual({
      point: { at, asOf: pos(17) },
      stamp: scenario.stamp(at, 17),
    });
    // The restatement (19th) was recorded a few milliseconds after CITP 5 (18th).
    const justAfterCitp5 = new Date(Date.parse(scenario.event(18).recordedAt) + 1).toISOString();
    expect((await resolvePoint(scenario.context, { at, asOf: { instant: justAfterCitp5 } })).point.asOf).toBe(pos(18));
  });

  it('knows nothing past the head: a later position or instant reads as the head', async () => {
    expect((await resolvePoint(scenario.context, { asOf: { position: pos(24) + 1000n } })).point.asOf).toBe(pos(24));
    expect((await resolvePoint(scenario.context, { asOf: { instant: '2999-01-01T00:00:00.000Z' } })).point.asOf).toBe(
      pos(24),
    );
  });

  it('before anything was recorded, nothing is known', async () => {
    expect(await resolvePoint(scenario.context, { asOf: { instant: '2019-01-01T00:00:00.000Z' } })).toEqual({
      point: { at: TIME_TRAVEL_TODAY, asOf: 0n },
      stamp: { at: TIME_TRAVEL_TODAY, asOf: { position: '0', recordedAt: null } },
    });
  });

  it('waits for minPosition when written, and refuses at once one never written', async () => {
    expect((await resolvePoint(scenario.context, { minPosition: pos(24) })).point.asOf).toBe(pos(24));
    await expect(resolvePoint(scenario.context, { minPosition: pos(24) + 1n })).rejects.toEqual(
      new InvalidQueryError('minPosition', `minPosition is past the last position written (${pos(24)})`),
    );
  });
});

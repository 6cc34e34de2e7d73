import type { StoredEvent } from '@portfolio/event-store';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import { stampAt } from '../testing/time-travel-documents';
import { recordTimeTravel } from '../testing/time-travel-scenario';
import { InvalidQueryError } from './query-errors';
import { resolvePoint } from './temporal-query';

const TODAY = '2024-03-15';

describe.each(STORE_KINDS)('where a read stands in time on %s', (kind) => {
  let side: ReadSide;
  let recorded: StoredEvent[];
  const pos = (ordinal: number) => recorded[ordinal - 1].position;

  beforeAll(async () => {
    side = await openReadSide(kind, TODAY);
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });

  it('defaults to today, as known by the read models', async () => {
    expect(await resolvePoint(side.context, {})).toEqual({
      point: { at: TODAY, asOf: pos(24) },
      stamp: stampAt(recorded, TODAY, 24),
    });
  });

  it('reads asOf as a position, or as the last position recorded by an instant', async () => {
    const at = '2021-02-05';
    expect(await resolvePoint(side.context, { at, asOf: { position: pos(17) } })).toEqual({
      point: { at, asOf: pos(17) },
      stamp: stampAt(recorded, at, 17),
    });
    // The restatement (19th) was recorded a few milliseconds after CITP 5 (18th).
    const justAfterCitp5 = new Date(Date.parse(recorded[17].recordedAt) + 1).toISOString();
    expect((await resolvePoint(side.context, { at, asOf: { instant: justAfterCitp5 } })).point.asOf).toBe(pos(18));
  });

  it('knows nothing past the head: a later position or instant reads as the head', async () => {
    expect((await resolvePoint(side.context, { asOf: { position: pos(24) + 1000n } })).point.asOf).toBe(pos(24));
    expect((await resolvePoint(side.context, { asOf: { instant: '2999-01-01T00:00:00.000Z' } })).point.asOf).toBe(
      pos(24),
    );
  });

  it('before anything was recorded, nothing is known', async () => {
    expect(await resolvePoint(side.context, { asOf: { instant: '2019-01-01T00:00:00.000Z' } })).toEqual({
      point: { at: TODAY, asOf: 0n },
      stamp: { at: TODAY, asOf: { position: '0', recordedAt: null } },
    });
  });

  it('waits for minPosition when written, and refuses at once one never written', async () => {
    expect((await resolvePoint(side.context, { minPosition: pos(24) })).point.asOf).toBe(pos(24));
    await expect(resolvePoint(side.context, { minPosition: pos(24) + 1n })).rejects.toEqual(
      new InvalidQueryError('minPosition', `minPosition is past the last position written (${pos(24)})`),
    );
  });
});

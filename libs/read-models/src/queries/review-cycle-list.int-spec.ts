import type { StoredEvent } from '@portfolio/event-store';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import { citp4Cycle, citp5Cycle, citp6Cycle } from '../testing/time-travel-cycles';
import { stampAt } from '../testing/time-travel-documents';
import { recordTimeTravel } from '../testing/time-travel-scenario';
import { reviewCycleList } from './review-cycle-list';

const TODAY = '2024-03-15';

describe.each(STORE_KINDS)('the review cycles on %s', (kind) => {
  let side: ReadSide;
  let recorded: StoredEvent[];

  beforeAll(async () => {
    side = await openReadSide(kind, TODAY);
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });

  it('lists the cycles held, with their seals', async () => {
    expect(await reviewCycleList(side.context, {})).toEqual({
      ...stampAt(recorded, TODAY, 24),
      items: [citp4Cycle(recorded), citp5Cycle(recorded), citp6Cycle(recorded)],
    });
  });

  it('as known at asOf, and as held by `at`', async () => {
    expect(await reviewCycleList(side.context, { asOf: { position: recorded[22].position } })).toEqual({
      ...stampAt(recorded, TODAY, 23),
      items: [citp4Cycle(recorded), citp5Cycle(recorded)],
    });
    expect(await reviewCycleList(side.context, { at: '2020-12-31' })).toEqual({
      ...stampAt(recorded, '2020-12-31', 24),
      items: [citp4Cycle(recorded)],
    });
  });
});

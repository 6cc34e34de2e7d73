import type { StoredEvent } from '@portfolio/event-store';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import {
  citp4Changes,
  citp4Cycle,
  citp5Changes,
  citp5Cycle,
  citp6Changes,
  citp6Cycle,
} from '../testing/time-travel-cycles';
import { citp4Portfolio, citp5Portfolio, citp6Portfolio, stampAt } from '../testing/time-travel-documents';
import { recordTimeTravel } from '../testing/time-travel-scenario';
import { ReadModelNotFoundError } from './query-errors';
import { reviewCycleReport } from './review-cycle-report';

const TODAY = '2024-03-15';

describe.each(STORE_KINDS)("a review cycle's report on %s", (kind) => {
  let side: ReadSide;
  let recorded: StoredEvent[];

  beforeAll(async () => {
    side = await openReadSide(kind, TODAY);
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });

  it('the first cycle counts everything as new', async () => {
    expect(await reviewCycleReport(side.context, 'citp-4', {})).toEqual({
      ...stampAt(recorded, TODAY, 24),
      ...citp4Cycle(recorded),
      previousCycle: null,
      portfolio: citp4Portfolio(recorded),
      changes: citp4Changes,
    });
  });

  it('the portfolio as known when held, and what changed since the cycle before', async () => {
    expect(await reviewCycleReport(side.context, 'citp-5', {})).toEqual({
      ...stampAt(recorded, TODAY, 24),
      ...citp5Cycle(recorded),
      previousCycle: { cycleId: 'citp-4', heldOn: '2019-11-15' },
      // The 24 restated to 25 after the review: the report keeps 24.
      portfolio: citp5Portfolio(recorded),
      changes: citp5Changes,
    });
    expect(await reviewCycleReport(side.context, 'citp-6', {})).toEqual({
      ...stampAt(recorded, TODAY, 24),
      ...citp6Cycle(recorded),
      previousCycle: { cycleId: 'citp-5', heldOn: '2021-02-05' },
      portfolio: citp6Portfolio(recorded),
      changes: citp6Changes,
    });
  });

  it('refuses a cycle never held, or not recorded by `asOf`', async () => {
    await expect(reviewCycleReport(side.context, 'citp-9', {})).rejects.toEqual(
      new ReadModelNotFoundError('review_cycle', 'citp-9'),
    );
    await expect(
      reviewCycleReport(side.context, 'citp-6', { asOf: { position: recorded[22].position } }),
    ).rejects.toEqual(new ReadModelNotFoundError('review_cycle', 'citp-6'));
  });
});

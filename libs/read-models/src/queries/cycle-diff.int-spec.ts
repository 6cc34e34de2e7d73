import type { StoredEvent } from '@portfolio/event-store';
import { openReadSide, STORE_KINDS, type ReadSide } from '../testing/read-side';
import { citp6AgainstCitp4, citp6AgainstCitp5 } from '../testing/time-travel-cycles';
import { stampAt } from '../testing/time-travel-documents';
import { recordTimeTravel } from '../testing/time-travel-scenario';
import { cycleDiff } from './cycle-diff';
import { InvalidQueryError, ReadModelNotFoundError } from './query-errors';

const TODAY = '2024-03-15';

describe.each(STORE_KINDS)('the diff of two review cycles on %s', (kind) => {
  let side: ReadSide;
  let recorded: StoredEvent[];

  beforeAll(async () => {
    side = await openReadSide(kind, TODAY);
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });

  it('compares with the cycle before by default', async () => {
    expect(await cycleDiff(side.context, 'citp-6', {})).toEqual({
      ...stampAt(recorded, TODAY, 24),
      from: 'citp-5',
      to: 'citp-6',
      ...citp6AgainstCitp5,
    });
  });

  it('compares with the cycle named: the project CITP 4 did not know is added', async () => {
    expect(await cycleDiff(side.context, 'citp-6', { against: 'citp-4' })).toEqual({
      ...stampAt(recorded, TODAY, 24),
      from: 'citp-4',
      to: 'citp-6',
      ...citp6AgainstCitp4,
    });
  });

  it('has nothing to compare the first cycle with by default, and refuses a cycle not held', async () => {
    await expect(cycleDiff(side.context, 'citp-4', {})).rejects.toEqual(
      new InvalidQueryError('against', 'review cycle citp-4 is the first: name one to compare it against'),
    );
    await expect(cycleDiff(side.context, 'citp-6', { against: 'citp-9' })).rejects.toEqual(
      new ReadModelNotFoundError('review_cycle', 'citp-9'),
    );
    await expect(cycleDiff(side.context, 'citp-9', { against: 'citp-4' })).rejects.toEqual(
      new ReadModelNotFoundError('review_cycle', 'citp-9'),
    );
  });
});

// Test support: "given the time-travel scenario recorded and projected on <store>", for the reads' int-specs.
import type { StoredEvent } from '@portfolio/event-store';
import type { ReadContext } from '../queries/read-context';
import type { TemporalStamp } from '../views/documents';
import { openReadSide, type ReadSide, type StoreKind } from './read-side';
import { stampAt } from './time-travel-documents';
import { reviewHeld, TIME_TRAVEL_CHAPTERS } from './time-travel-scenario';

/** Past every target date of the scenario: expected progress is 100 % everywhere. */
export const TIME_TRAVEL_TODAY = '2024-03-15';

/** The ordinal of the last event: the head of the log. */
export const HEAD = 24;

const TEST_SEAL = { merkleRoot: '5f'.repeat(32), signature: 'c2lnbmVkIGJ5IHRoZSB0ZXN0' };

export interface TimeTravel {
  /** What the reads take; today is TIME_TRAVEL_TODAY. */
  readonly context: ReadContext;
  /** The scenario's events as stored, in order (ordinals 1–24 as in the scenario's comments). */
  readonly recorded: readonly StoredEvent[];
  event(ordinal: number): StoredEvent;
  position(ordinal: number): bigint;
  /** The stamp of a document at `at` as known up to the `ordinal`-th event (by default, all of them). */
  stamp(at: string, ordinal?: number): TemporalStamp;
}

/** Records the whole scenario, chapter by chapter, as the HTTP journey does; the events as stored. */
async function recordTimeTravel(side: ReadSide): Promise<StoredEvent[]> {
  const recorded: StoredEvent[] = [];
  for (const chapter of TIME_TRAVEL_CHAPTERS) {
    recorded.push(...(await side.record(chapter.events)));
    if ('review' in chapter) recorded.push(...(await side.record([reviewHeld(chapter.review, recorded, TEST_SEAL)])));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return recorded;
}

/** Records the scenario on `kind` before the tests of the enclosing `describe`, and closes the store after them. */
export function givenTimeTravel(kind: StoreKind): TimeTravel {
  let side: ReadSide | undefined;
  let recorded: StoredEvent[] = [];
  beforeAll(async () => {
    side = await openReadSide(kind, TIME_TRAVEL_TODAY);
    recorded = await recordTimeTravel(side);
  });
  afterAll(async () => {
    await side?.close();
  });
  return {
    get context() {
      if (side === undefined) throw new Error('the scenario is recorded before the tests, not while they are declared');
      return side.context;
    },
    get recorded() {
      return recorded;
    },
    event: (ordinal) => recorded[ordinal - 1],
    position: (ordinal) => recorded[ordinal - 1].position,
    stamp: (at, ordinal = HEAD) => stampAt(recorded, at, ordinal),
  };
}

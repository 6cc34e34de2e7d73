import { SEAL_EVENT_TYPE } from '../seal/seal';
import { generateSigningKey } from '../seal/signing';
import { performance } from 'node:perf_hooks';
import { appendLongLog } from '../testing/long-log';
import { appendSealedLedger, newEvent } from '../testing/sealed-ledger';
import { openTestStore, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { CheckpointSchedule } from './checkpoint-schedule';
import { Checkpointer } from './checkpointer';
import { SqlCheckpointStore } from './sql-checkpoint-store';

const key = generateSigningKey();
const now = () => new Date('2022-04-01T08:00:00.000Z');

describe.each(TEST_STORE_KINDS)('CheckpointSchedule on %s', (kind) => {
  let test: TestStore;
  let checkpoints: SqlCheckpointStore;
  let schedule: CheckpointSchedule | undefined;
  const sizes = async () => (await checkpoints.list(undefined, 100)).map((c) => c.treeSize);
  const sizesBecome = async (expected: number[]) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      if (JSON.stringify(await sizes()) === JSON.stringify(expected)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await sizes()).toEqual(expected);
  };
  const startSchedule = (intervalMs: number) => {
    const checkpointer = new Checkpointer(test.store, checkpoints, { origin: 'test.example/log', key, now });
    schedule = new CheckpointSchedule(test.store, checkpointer, { intervalMs, log: () => undefined });
    schedule.start();
  };

  beforeEach(async () => {
    test = await openTestStore(kind);
    await appendSealedLedger(test.store, key);
    checkpoints = await SqlCheckpointStore.open(test.database, kind);
  });
  afterEach(async () => {
    await schedule?.stop();
    await test.dispose();
  });

  it('stops at once when stopped while it reads a long log at start, and signs nothing', async () => {
    // Given a log that takes many turns of the event loop to read, and how long a whole read of it takes
    await appendLongLog(test.store, 10_000);
    const readStarted = performance.now();
    await new Checkpointer(test.store, checkpoints, { origin: 'test.example/log', key, now }).start();
    const readMs = performance.now() - readStarted;
    // When the schedule starts, and is stopped once its read is under way
    startSchedule(60_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const stopStarted = performance.now();
    await schedule?.stop();
    const stopMs = performance.now() - stopStarted;
    // Then the stop waited a few time slices, not for the rest of the read, and no checkpoint was signed
    expect(stopMs).toBeLessThan(readMs / 3);
    expect(await sizes()).toEqual([]);
  });

  it('checkpoints the log at start, then within the interval after the head moves, and not while it stands', async () => {
    startSchedule(200);
    await sizesBecome([13]);
    await test.store.append('project-vitam', [newEvent('ProjectClosed', { projectId: 'vitam' })], 1n);
    await sizesBecome([13, 14]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sizes()).toEqual([13, 14]);
  });

  it('checkpoints at once when a review cycle is held, well before the interval', async () => {
    startSchedule(60_000);
    await sizesBecome([13]);
    await test.store.append('project-vitam', [newEvent('ProjectClosed', { projectId: 'vitam' })], 1n);
    await test.store.append(
      'review-cycle-citp-2022-s2',
      [newEvent(SEAL_EVENT_TYPE, { cycleId: 'citp-2022-s2' })],
      'no_stream',
    );
    await sizesBecome([13, 15]);
  });
});

import { eventLoopTurnsDuring } from '../../../event-store/src/testing/event-loop-turns';
import { LogTree } from '../merkle/log-tree';
import { generateSigningKey } from '../seal/signing';
import { appendLongLog } from '../testing/long-log';
import { appendSealedLedger, newEvent, type SealedLedger } from '../testing/sealed-ledger';
import { openTestStore, rewriteEvent, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { openCheckpoint } from '../transparency/checkpoint-note';
import { ed25519NoteVerifier } from '../transparency/ed25519-note-key';
import { SignatureType } from '../transparency/note-key';
import { formatVerifierKey } from '../transparency/verifier-key';
import { Checkpointer } from './checkpointer';
import { SqlCheckpointStore } from './sql-checkpoint-store';

// The sealed ledger: 13 events at positions 1 to 13; 12 (vitam r1) and 11 (franceconnect r4) end their streams,
// after the last seal (position 11).

const key = generateSigningKey();
const origin = 'portfolio-ledger.test/checkpoints';
const now = () => new Date('2022-04-01T08:00:00.000Z');
const logKey = ed25519NoteVerifier(formatVerifierKey(origin, SignatureType.ed25519, key));

describe.each(TEST_STORE_KINDS)('Checkpointer on %s', (kind) => {
  let test: TestStore;
  let ledger: SealedLedger;
  let checkpoints: SqlCheckpointStore;
  const messages: string[] = [];
  const startedCheckpointer = async () => {
    const checkpointer = new Checkpointer(test.store, checkpoints, { origin, key, now, log: (m) => messages.push(m) });
    await checkpointer.start();
    return checkpointer;
  };

  beforeEach(async () => {
    test = await openTestStore(kind);
    ledger = await appendSealedLedger(test.store, key);
    checkpoints = await SqlCheckpointStore.open(test.database, kind);
    messages.length = 0;
  });
  afterEach(() => test.dispose());

  it('signs a C2SP checkpoint of the whole log with the instance key, named after the origin', async () => {
    const stored = await (await startedCheckpointer()).checkpoint();
    const root = (await LogTree.build(test.store, 13n)).tree.root();
    expect(stored).toEqual({
      treeSize: 13,
      position: 13n,
      root,
      note: expect.any(String),
      signedAt: now().toISOString(),
    });
    expect(openCheckpoint(stored!.note, logKey).checkpoint).toEqual({ origin, size: 13, root, extensions: [] });
    expect(await checkpoints.latest()).toEqual(stored);
  });

  it('keeps signing when another process signs a later checkpoint while it reads the head', async () => {
    const checkpointer = await startedCheckpointer();
    await checkpointer.checkpoint();
    const other = new Checkpointer(test.store, checkpoints, { origin, key, now });
    await test.store.append('project-franceconnect', [newEvent('ProjectClosed', { projectId: 'franceconnect' })], 4n);
    // Right after this process reads the head, another appends and signs at the new head.
    const head = test.store.head.bind(test.store);
    let raced = false;
    jest.spyOn(test.store, 'head').mockImplementation(async () => {
      const read = await head();
      if (!raced) {
        raced = true;
        await test.store.append('project-vitam', [newEvent('ProjectClosed', { projectId: 'vitam' })], 1n);
        await other.checkpoint();
      }
      return read;
    });
    expect(await checkpointer.checkpoint()).toMatchObject({ treeSize: 14 });
    // The other's checkpoint covers the head now: nothing to sign, nothing refused.
    expect(await checkpointer.checkpoint()).toBeUndefined();
    expect(checkpointer.problem).toBeUndefined();
    expect((await checkpoints.list(undefined, 10)).map((c) => c.treeSize)).toEqual([13, 14, 15]);
  });

  it('signs nothing when the head has not moved, and extends the latest checkpoint when it has', async () => {
    const checkpointer = await startedCheckpointer();
    await checkpointer.checkpoint();
    expect(await checkpointer.checkpoint()).toBeUndefined();
    await test.store.append('project-vitam', [newEvent('ProjectClosed', { projectId: 'vitam' })], 1n);
    expect(await checkpointer.checkpoint()).toMatchObject({ treeSize: 14, position: 14n });
    expect((await checkpoints.list(undefined, 10)).map((c) => c.treeSize)).toEqual([13, 14]);
  });

  it('lets the event loop turn while it reads a long log at start, so that the service answers meanwhile', async () => {
    // Given a log of some thousands of events: long enough to read that a request would notice the wait
    await appendLongLog(test.store, 10_000);
    // When a new checkpointer starts on it, with a request (a turn of the event loop) asked for meanwhile
    const { turns, ms } = await eventLoopTurnsDuring(() =>
      new Checkpointer(test.store, checkpoints, { origin, key, now }).start(),
    );
    // Then the loop turned every few milliseconds of the start, not once at its end
    expect(turns).toBeGreaterThan(ms / 50);
  });

  it('refuses at start, and signs nothing more, when rows were deleted from the tail after a checkpoint', async () => {
    await (await startedCheckpointer()).checkpoint();
    await test.tamper('DELETE FROM events WHERE position >= ?', ledger.events[11].position);
    const checkpointer = new Checkpointer(test.store, checkpoints, { origin, key, now, log: (m) => messages.push(m) });
    await expect(checkpointer.start()).rejects.toMatchObject({
      code: 'log_truncated',
      message:
        'the log holds 11 events, fewer than the 13 of the checkpoint signed at 2022-04-01T08:00:00.000Z (up to position 13)',
    });
    expect(checkpointer.problem?.code).toBe('log_truncated');
    await expect(checkpointer.checkpoint()).rejects.toMatchObject({ code: 'log_truncated' });
    expect(messages).toEqual([expect.stringContaining('signing no more checkpoints: the log holds 11 events')]);
  });

  it('refuses a running tree whose head went back', async () => {
    const checkpointer = await startedCheckpointer();
    await checkpointer.checkpoint();
    await test.tamper('DELETE FROM events WHERE position = ?', ledger.events[12].position);
    // PostgreSQL keeps its head in a row of its own, which a thorough tamperer moves back too.
    if (kind === 'postgres') await test.tamper('UPDATE event_log_head SET position = ?', 12n);
    await expect(checkpointer.checkpoint()).rejects.toMatchObject({
      code: 'log_truncated',
      message: "the log's head is at position 12, before position 13 already read and signed",
    });
  });

  it('refuses at start when an event after the last seal was rewritten and rehashed', async () => {
    await (await startedCheckpointer()).checkpoint();
    await rewriteEvent(test, ledger.events[12], { title: 'Vitam (rewritten)' });
    const checkpointer = new Checkpointer(test.store, checkpoints, { origin, key, now });
    await expect(checkpointer.start()).rejects.toMatchObject({
      code: 'checkpoint_mismatch',
      message: expect.stringContaining('the log no longer extends the checkpoint of size 13'),
    });
  });
});

import { Checkpointer } from '../checkpoint/checkpointer';
import { SqlCheckpointStore } from '../checkpoint/sql-checkpoint-store';
import { generateSigningKey } from '../seal/signing';
import { appendSealedLedger, newEvent, type SealedLedger } from '../testing/sealed-ledger';
import { openTestStore, rewriteEvent, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { AuditVerifier } from './audit-verifier';

// The sealed ledger: 13 events at positions 1 to 13, the last seal at position 11; 12 (franceconnect r4) and
// 13 (vitam r1) end their streams, after the last seal, so a rewrite there breaks no chain and no seal.

const key = generateSigningKey();
const origin = 'portfolio-ledger.test/live';
const now = () => new Date('2022-04-01T08:00:00.000Z');

describe.each(TEST_STORE_KINDS)('AuditVerifier with signed checkpoints on %s', (kind) => {
  let test: TestStore;
  let ledger: SealedLedger;
  let checkpoints: SqlCheckpointStore;
  let running: Checkpointer;
  const checkpointer = () => new Checkpointer(test.store, checkpoints, { origin, key, now });
  const verify = (signed = running) => new AuditVerifier(test.store, key, now, signed).verify();

  beforeEach(async () => {
    test = await openTestStore(kind);
    ledger = await appendSealedLedger(test.store, key);
    checkpoints = await SqlCheckpointStore.open(test.database, kind);
    running = checkpointer();
    await running.start();
    await running.checkpoint();
  });
  afterEach(() => test.dispose());

  it('reports a log that holds and extends every checkpoint as intact', async () => {
    await test.store.append('project-vitam', [newEvent('ProjectClosed', { projectId: 'vitam' })], 1n);
    await running.checkpoint();
    expect(await verify()).toMatchObject({ ok: true, sealsChecked: 2, checkpointsChecked: 2, problem: null });
  });

  it('reports rows deleted from the tail after a checkpoint, naming the missing leaves and positions', async () => {
    await test.tamper('DELETE FROM events WHERE position >= ?', ledger.events[11].position);
    expect(await verify()).toMatchObject({
      ok: false,
      checkpointsChecked: 0,
      problem: {
        code: 'log_truncated',
        position: '13',
        treeSize: 13,
        message:
          'the log holds 11 events, up to position 11, but the checkpoint of size 13 signed at 2022-04-01T08:00:00.000Z covers 13, up to position 13: leaves 11 to 12 (positions after 11 up to 13) are missing',
      },
    });
  });

  it('reports an event rewritten and rehashed after the last seal at its position, from the signed leaves', async () => {
    await rewriteEvent(test, ledger.events[11], { value: 1 });
    expect(await verify()).toMatchObject({
      ok: false,
      sealsChecked: 2,
      problem: {
        code: 'checkpoint_mismatch',
        position: '12',
        message:
          'the log differs from the checkpoint of size 13 signed at 2022-04-01T08:00:00.000Z first at leaf 11, position 12: the event stored there is not the one signed',
      },
    });
  });

  it('reports such a rewrite after a restart between the last matching and the first differing checkpoint', async () => {
    await test.store.append(
      'project-numerique',
      [newEvent('ProjectLaunched', { projectId: 'numerique' })],
      'no_stream',
    );
    await test.store.append('project-vitam', [newEvent('ProjectClosed', { projectId: 'vitam' })], 1n);
    await running.checkpoint();
    await rewriteEvent(test, (await test.store.readPositions([14n]))[0], { title: 'Rewritten' });
    const restarted = checkpointer();
    await expect(restarted.start()).rejects.toMatchObject({ code: 'checkpoint_mismatch' });
    expect(await verify(restarted)).toMatchObject({
      ok: false,
      checkpointsChecked: 1,
      problem: {
        code: 'checkpoint_mismatch',
        position: '14',
        treeSize: 15,
        message: expect.stringContaining(
          'the log differs from the checkpoint of size 15 signed at 2022-04-01T08:00:00.000Z somewhere in leaves 13 to 14 (positions after 13 up to 15)',
        ),
      },
    });
  });

  it('reports a checkpointer that stopped signing, even once the log was put back as signed', async () => {
    await rewriteEvent(test, ledger.events[12], { title: 'Rewritten' });
    const restarted = checkpointer();
    await expect(restarted.start()).rejects.toMatchObject({ code: 'checkpoint_mismatch' });
    await rewriteEvent(test, ledger.events[12], {});
    expect(await verify(restarted)).toMatchObject({
      ok: false,
      checkpointsChecked: 1,
      problem: {
        code: 'checkpoint_mismatch',
        position: '13',
        message: expect.stringContaining(
          'the checkpointer refuses to sign: the log no longer extends the checkpoint of size 13',
        ),
      },
    });
  });

  it('reports a stored checkpoint that this instance did not sign', async () => {
    const other = new Checkpointer(test.store, checkpoints, { origin, key: generateSigningKey(), now });
    await test.store.append('project-vitam', [newEvent('ProjectClosed', { projectId: 'vitam' })], 1n);
    await other.start();
    await other.checkpoint();
    expect(await verify()).toMatchObject({
      ok: false,
      checkpointsChecked: 1,
      problem: {
        code: 'bad_signature',
        treeSize: 14,
        message: expect.stringContaining(
          "the checkpoint of size 14 signed at 2022-04-01T08:00:00.000Z does not verify with this instance's key",
        ),
      },
    });
  });
});

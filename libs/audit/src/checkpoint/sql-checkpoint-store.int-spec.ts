import { sql } from 'kysely';
import { openTestStore, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import type { StoredCheckpoint } from './checkpoint-store';
import { SqlCheckpointStore } from './sql-checkpoint-store';

const checkpoint = (treeSize: number, root: string): StoredCheckpoint => ({
  treeSize,
  position: BigInt(treeSize + 2),
  root: root.repeat(64),
  note: `portfolio-ledger/test\n${treeSize}\nroot\n\n— signature\n`,
  signedAt: `2022-04-01T08:00:0${treeSize % 10}.000Z`,
});

describe.each(TEST_STORE_KINDS)('SqlCheckpointStore on %s', (kind) => {
  let test: TestStore;
  let store: SqlCheckpointStore;

  beforeEach(async () => {
    test = await openTestStore(kind);
    store = await SqlCheckpointStore.open(test.database, kind);
  });
  afterEach(() => test.dispose());

  it('has no checkpoint before the first is appended', async () => {
    expect(await store.latest()).toBeUndefined();
    expect(await store.list(undefined, 10)).toEqual([]);
  });

  it('returns what it stored: the latest, by size, and in order of size after a given one', async () => {
    for (const size of [3, 7, 12]) await store.append(checkpoint(size, 'a'));
    expect(await store.latest()).toEqual(checkpoint(12, 'a'));
    expect(await store.at(7)).toEqual(checkpoint(7, 'a'));
    expect(await store.at(8)).toBeUndefined();
    expect((await store.list(undefined, 2)).map((c) => c.treeSize)).toEqual([3, 7]);
    expect((await store.list(3, 10)).map((c) => c.treeSize)).toEqual([7, 12]);
  });

  it('keeps the first checkpoint stored at a size, and returns it', async () => {
    await store.append(checkpoint(5, 'a'));
    expect(await store.append(checkpoint(5, 'b'))).toEqual(checkpoint(5, 'a'));
  });

  it('is created once: opening it again keeps its rows', async () => {
    await store.append(checkpoint(5, 'a'));
    const again = await SqlCheckpointStore.open(test.database, kind);
    expect(await again.latest()).toEqual(checkpoint(5, 'a'));
  });

  it('stores a checkpoint with its time-stamp, and refuses to change the time-stamp later', async () => {
    const stamped = {
      ...checkpoint(5, 'a'),
      timestamp: { token: Buffer.from([0x30, 0x03]), genTime: '2022-04-01T08:00:06Z' },
    };
    await store.append(stamped);
    expect(await store.at(5)).toEqual(stamped);
    await expect(
      sql`UPDATE audit_checkpoints SET timestamp_token = NULL`.execute(test.database),
    ).rejects.toHaveProperty('message', expect.stringContaining('audit_checkpoints is append-only'));
  });

  it('adds the time-stamp columns to a table created before them, keeping its rows', async () => {
    await sql`DROP TABLE audit_checkpoints`.execute(test.database);
    await sql`CREATE TABLE audit_checkpoints (tree_size bigint PRIMARY KEY, position bigint NOT NULL, root text NOT NULL, note text NOT NULL, signed_at text NOT NULL)`.execute(
      test.database,
    );
    const { treeSize, position, root, note, signedAt } = checkpoint(5, 'a');
    await sql`INSERT INTO audit_checkpoints VALUES (${treeSize}, ${position.toString()}, ${root}, ${note}, ${signedAt})`.execute(
      test.database,
    );
    const opened = await SqlCheckpointStore.open(test.database, kind);
    expect(await opened.latest()).toEqual(checkpoint(5, 'a'));
    await opened.append({
      ...checkpoint(6, 'b'),
      timestamp: { token: Buffer.from([0x30]), genTime: '2022-04-01T08:00:07Z' },
    });
    expect((await opened.at(6))?.timestamp?.token).toEqual(Buffer.from([0x30]));
  });

  it.each([
    ['an update', sql`UPDATE audit_checkpoints SET root = 'f'`],
    ['a delete', sql`DELETE FROM audit_checkpoints WHERE tree_size = 5`],
  ])('refuses %s', async (_, statement) => {
    await store.append(checkpoint(5, 'a'));
    // Matched on its message: better-sqlite3's errors are not always instances of the test's own Error class.
    await expect(statement.execute(test.database)).rejects.toHaveProperty(
      'message',
      expect.stringContaining('audit_checkpoints is append-only'),
    );
    expect(await store.latest()).toEqual(checkpoint(5, 'a'));
  });
});

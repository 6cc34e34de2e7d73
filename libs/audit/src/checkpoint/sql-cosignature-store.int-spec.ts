import { sql } from 'kysely';
import { openTestStore, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import type { StoredCosignature } from './cosignature-store';
import { SqlCosignatureStore } from './sql-cosignature-store';

const cosignature = (treeSize: number, keyId: number, mark = 'A'): StoredCosignature => ({
  treeSize,
  witness: `witness-${keyId}.example`,
  // Above 2^31: key IDs are unsigned 32-bit, beyond a signed integer column.
  keyId: 0x80000000 + keyId,
  line: `— witness-${keyId}.example ${mark.repeat(100)}`,
  cosignedAt: '2022-04-01T08:00:00.000Z',
  receivedAt: `2022-04-01T08:00:0${keyId % 10}.000Z`,
});

describe.each(TEST_STORE_KINDS)('SqlCosignatureStore on %s', (kind) => {
  let test: TestStore;
  let store: SqlCosignatureStore;

  beforeEach(async () => {
    test = await openTestStore(kind);
    store = await SqlCosignatureStore.open(test.database, kind);
  });
  afterEach(() => test.dispose());

  it('has no cosignature before the first is added', async () => {
    expect(await store.of([1, 2])).toEqual([]);
    expect(await store.of([])).toEqual([]);
    expect(await store.latestCosignedSize()).toBeUndefined();
  });

  it('returns what it stored: by size, then by the time received, and the largest size cosigned', async () => {
    await store.add(cosignature(7, 2));
    await store.add(cosignature(3, 1));
    await store.add(cosignature(7, 1));
    await store.add(cosignature(12, 3));
    expect(await store.of([7, 3])).toEqual([cosignature(3, 1), cosignature(7, 1), cosignature(7, 2)]);
    expect(await store.of([8])).toEqual([]);
    expect(await store.latestCosignedSize()).toBe(12);
  });

  it('keeps the first cosignature of a checkpoint by a key, and returns it', async () => {
    await store.add(cosignature(5, 1, 'A'));
    expect(await store.add(cosignature(5, 1, 'B'))).toEqual(cosignature(5, 1, 'A'));
    expect(await store.of([5])).toEqual([cosignature(5, 1, 'A')]);
  });

  it('is created once: opening it again keeps its rows', async () => {
    await store.add(cosignature(5, 1));
    const again = await SqlCosignatureStore.open(test.database, kind);
    expect(await again.of([5])).toEqual([cosignature(5, 1)]);
  });

  it.each([
    ['an update', sql`UPDATE audit_cosignatures SET line = 'forged'`],
    ['a delete', sql`DELETE FROM audit_cosignatures WHERE tree_size = 5`],
  ])('refuses %s', async (_, statement) => {
    await store.add(cosignature(5, 1));
    // Matched on its message: better-sqlite3's errors are not always instances of the test's own Error class.
    await expect(statement.execute(test.database)).rejects.toHaveProperty(
      'message',
      expect.stringContaining('audit_cosignatures is append-only'),
    );
    expect(await store.of([5])).toEqual([cosignature(5, 1)]);
  });

  if (kind === 'postgres') {
    it('refuses a truncate', async () => {
      await store.add(cosignature(5, 1));
      await expect(sql`TRUNCATE audit_cosignatures`.execute(test.database)).rejects.toHaveProperty(
        'message',
        expect.stringContaining('audit_cosignatures is append-only'),
      );
    });
  }
});

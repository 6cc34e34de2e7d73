import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { collect, eventStoreContract, newEvent } from '../testing/event-store-contract';
import { scratchSqliteFile } from '../testing/scratch-database';
import {
  UNSCOPED_COMMAND_ID_VERSION,
  expectCommandsScopedAfterUpgrade,
  UNSCOPED_INSERT_COLUMNS,
  unscopedRows,
} from '../testing/unscoped-command-events';
import { verifyChains } from '../verify-chains';
import { SqliteEventStore } from './sqlite-event-store';
import { migrateSqliteEventStore } from './sqlite-schema';

eventStoreContract('SQLite', async () => {
  const scratch = scratchSqliteFile('es');
  const { file } = scratch;
  const store = new SqliteEventStore({ file, externalPollMs: 20 });
  const raw = new Database(file);
  raw.pragma('busy_timeout = 10000');
  return {
    store,
    openAnother: async () => new SqliteEventStore({ file, externalPollMs: 20 }),
    tamper: {
      setData: async (position, text) =>
        void raw.prepare('UPDATE events SET data = ? WHERE position = ?').run(text, position),
      setMetadata: async (position, text) =>
        void raw.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(text, position),
      deleteEvent: async (position) => void raw.prepare('DELETE FROM events WHERE position = ?').run(position),
      swapPositions: async (a, b) => {
        const move = raw.prepare('UPDATE events SET position = ? WHERE position = ?');
        raw.transaction(() => {
          move.run(-1, a);
          move.run(a, b);
          move.run(b, -1);
        })();
      },
    },
    dispose: async () => {
      raw.close();
      await store.close();
      scratch.remove();
    },
  };
});

describe('SQLite event store file', () => {
  it('creates its schema once and reopens an existing file without loss', async () => {
    const scratch = scratchSqliteFile('es');
    const file = join(scratch.dir, 'nested', 'events.sqlite');
    try {
      const first = new SqliteEventStore({ file });
      await first.append(
        'project-a',
        [{ eventId: crypto.randomUUID(), type: 'A', schemaVersion: 1, data: {}, metadata: {} }],
        'no_stream',
      );
      await first.close();
      const migrations = (db: Database.Database) =>
        db.prepare("SELECT count(*) FROM schema_migrations WHERE component = 'event-store'").pluck().get();
      const afterFirstOpen = new Database(file, { readonly: true });
      const applied = migrations(afterFirstOpen);
      afterFirstOpen.close();
      const second = new SqliteEventStore({ file });
      expect(await second.head()).toBe(1n);
      await second.close();
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(migrations(raw)).toBe(applied);
      raw.close();
    } finally {
      scratch.remove();
    }
  });
});

describe('SQLite group commit', () => {
  it('commits the appends that arrive together as one group, each refused one rolled back alone', async () => {
    const scratch = scratchSqliteFile('es');
    const store = new SqliteEventStore({ file: scratch.file });
    try {
      await store.append('project-a', [newEvent('A')], 'no_stream');
      const reused = newEvent('R');
      await store.append('project-r', [reused], 'no_stream');
      // Sent in one turn of the event loop, as concurrent requests arrive: they form one group.
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 20 }, (_, i) => store.append(`project-g${i}`, [newEvent('G', { i })], 'no_stream')),
        store.append('project-a', [newEvent('stale')], 5n),
        store.append('project-b', [newEvent('B1'), { ...reused, type: 'B2' }], 'any'),
        store.append('project-a', [newEvent('A1')], 0n),
        store.append('project-a', [newEvent('A2')], 1n),
      ]);
      expect(outcomes.slice(0, 20).every((o) => o.status === 'fulfilled')).toBe(true);
      expect(outcomes[20]).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
      expect(outcomes[21]).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
      // Appends to one stream within a group see each other, in the order they were made.
      expect(outcomes[22]).toMatchObject({ status: 'fulfilled', value: { revision: 1n } });
      expect(outcomes[23]).toMatchObject({ status: 'fulfilled', value: { revision: 2n } });
      const all = await collect(store.readAll());
      expect(all).toHaveLength(2 + 20 + 2);
      expect(all.some((e) => e.streamId === 'project-b')).toBe(false);
      // Positions follow the order of the appends, the one refused leaving no gap.
      expect(all.map((e) => e.position)).toEqual(all.map((_, i) => BigInt(i + 1)));
      expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 24 });
    } finally {
      await store.close();
      scratch.remove();
    }
  });
});

describe('SQLite idempotency keys of an earlier release', () => {
  it('scopes the command ids already stored to their principal when the file is upgraded', async () => {
    const scratch = scratchSqliteFile('es');
    const old = new Database(scratch.file);
    migrateSqliteEventStore(old, UNSCOPED_COMMAND_ID_VERSION);
    const insert = old.prepare(
      `INSERT INTO events (${UNSCOPED_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of unscopedRows()) insert.run(...row);
    old.close();
    const store = new SqliteEventStore({ file: scratch.file });
    const raw = new Database(scratch.file, { readonly: true });
    // The event that names no actor keeps no key: no principal's retry can be answered with it.
    expect(raw.prepare("SELECT command_key FROM events WHERE type = 'Imported'").pluck().get()).toBeNull();
    raw.close();
    try {
      await expectCommandsScopedAfterUpgrade(store);
    } finally {
      await store.close();
      scratch.remove();
    }
  });
});

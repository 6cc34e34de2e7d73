import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { IssuedCommand } from '../command-key';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { chainEvents, prepareAppend, type StreamTip } from '../prepare-append';
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
    const imported = raw.prepare("SELECT position FROM events WHERE type = 'Imported'").pluck().get();
    const covering = raw.prepare('SELECT count(*) FROM command_runs WHERE ? BETWEEN first_position AND last_position');
    expect(covering.pluck().get(imported)).toBe(0);
    raw.close();
    try {
      await expectCommandsScopedAfterUpgrade(store);
    } finally {
      await store.close();
      scratch.remove();
    }
  });
});

describe('SQLite store of schema version 4 (per-event command key and time indexes)', () => {
  const alicesX = { actorId: 'alice', commandId: 'x' };
  const bobsY = { actorId: 'bob', commandId: 'y' };
  const by = (command: IssuedCommand) => ({ actor: { id: command.actorId }, commandId: command.commandId });
  // Positions 1-2 and 4 are command x (it appended to two streams, y committing in between), 3 is y, 5 names none.
  const appends = [
    { streamId: 'project-a', metadata: by(alicesX), count: 2, recordedAt: '2026-01-01T00:00:01.000Z' },
    { streamId: 'project-b', metadata: by(bobsY), count: 1, recordedAt: '2026-01-01T00:00:02.000Z' },
    { streamId: 'project-c', metadata: by(alicesX), count: 1, recordedAt: '2026-01-01T00:00:02.000Z' },
    { streamId: 'project-b', metadata: {}, count: 1, recordedAt: '2026-01-01T00:00:03.000Z' },
  ];

  function writeVersion4Store(file: string): void {
    const old = new Database(file);
    migrateSqliteEventStore(old, 4);
    const insert = old.prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash,
                           hash, command_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const tips = new Map<string, StreamTip>();
    for (const { streamId, metadata, count, recordedAt } of appends) {
      const events = Array.from({ length: count }, () => newEvent('Measured', {}, metadata));
      for (const e of chainEvents(streamId, prepareAppend(streamId, events), tips.get(streamId), recordedAt)) {
        insert.run(
          streamId,
          e.revision,
          e.eventId,
          e.type,
          e.schemaVersion,
          e.canonicalData,
          e.canonicalMetadata,
          e.recordedAt,
          e.prevHash,
          e.hash,
          e.commandKey,
        );
        tips.set(streamId, e);
      }
    }
    old.close();
  }

  it('is upgraded in place: commands found by their runs, times by position, chains still verifying', async () => {
    const scratch = scratchSqliteFile('es');
    writeVersion4Store(scratch.file);
    const store = new SqliteEventStore({ file: scratch.file });
    try {
      const positions = async (command: IssuedCommand) => (await store.readByCommand(command)).map((e) => e.position);
      expect(await positions(alicesX)).toEqual([1n, 2n, 4n]);
      expect(await positions(bobsY)).toEqual([3n]);
      expect(await positions({ actorId: 'bob', commandId: 'x' })).toEqual([]);
      expect(await store.positionAt('2026-01-01T00:00:00.999Z')).toBe(0n);
      expect(await store.positionAt('2026-01-01T00:00:01.000Z')).toBe(2n);
      expect(await store.positionAt('2026-01-01T00:00:02.500Z')).toBe(4n);
      expect(await store.positionAt('2026-01-01T00:00:03.000Z')).toBe(5n);
      await store.append('project-b', [newEvent('Measured', {}, by(bobsY))], 1n);
      expect(await positions(bobsY)).toEqual([3n, 6n]);
      expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 6 });

      const raw = new Database(scratch.file, { readonly: true });
      const indexes = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'");
      expect(indexes.pluck().all()).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/events_by_(command_key|recorded_at)/)]),
      );
      const columns = raw.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('events');
      expect(columns).not.toContain('command_key');
      // The idempotency lookup stays an index search, not a scan of the log.
      const plan = raw.prepare("EXPLAIN QUERY PLAN SELECT * FROM command_runs WHERE command_key = 'k'").all();
      expect(JSON.stringify(plan)).toMatch(/SEARCH command_runs USING PRIMARY KEY/);
      raw.close();
    } finally {
      await store.close();
      scratch.remove();
    }
  });
});

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-es-'));
  const file = join(dir, 'events.sqlite');
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite event store file', () => {
  it('creates its schema once and reopens an existing file without loss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portfolio-es-'));
    const file = join(dir, 'nested', 'events.sqlite');
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
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

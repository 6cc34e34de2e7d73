import type Database from 'better-sqlite3';

/** Ordered, append-only list: a released migration is never edited, a change is a new entry. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position       INTEGER PRIMARY KEY AUTOINCREMENT,
     stream_id      TEXT    NOT NULL,
     revision       INTEGER NOT NULL,
     event_id       TEXT    NOT NULL UNIQUE,
     type           TEXT    NOT NULL,
     schema_version INTEGER NOT NULL,
     data           TEXT    NOT NULL,
     metadata       TEXT    NOT NULL,
     recorded_at    TEXT    NOT NULL,
     prev_hash      TEXT    NOT NULL,
     hash           TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   );
   CREATE INDEX events_by_type ON events (type, position);
   CREATE INDEX events_by_recorded_at ON events (recorded_at, position);`,
  // metadata.commandId copied into a column of its own: the idempotency lookup of every command needs an index.
  `ALTER TABLE events ADD COLUMN command_id TEXT;
   CREATE INDEX events_by_command_id ON events (command_id) WHERE command_id IS NOT NULL;`,
  // One row rewritten by EventStore.probeWrite: a real write that tells when the storage takes writes again.
  `CREATE TABLE write_probe (id INTEGER PRIMARY KEY CHECK (id = 1), probed_at TEXT NOT NULL);`,
  // Idempotency keys are each principal's own: the column holds commandKey(actor id, command id), computed here for
  // the events already stored (an event without a string actor id keeps none). The index is rebuilt, not updated.
  `DROP INDEX events_by_command_id;
   ALTER TABLE events RENAME COLUMN command_id TO command_key;
   UPDATE events
      SET command_key = CASE WHEN json_type(metadata, '$.actor.id') = 'text'
                             THEN lower(hex(json_extract(metadata, '$.actor.id'))) || ':' || command_key END
    WHERE command_key IS NOT NULL;
   CREATE INDEX events_by_command_key ON events (command_key) WHERE command_key IS NOT NULL;`,
  // Two per-event indexes out of the append's path. The idempotency key is per command, not per event: one row per run
  // of consecutive positions sharing a key (an append's events, as a rule), built here from the events stored. The
  // time index goes: recorded_at never decreases in position order, so positionAt searches the positions instead.
  `CREATE TABLE command_runs (
     command_key    TEXT    NOT NULL,
     first_position INTEGER NOT NULL,
     last_position  INTEGER NOT NULL,
     PRIMARY KEY (command_key, first_position)
   ) WITHOUT ROWID;
   INSERT INTO command_runs (command_key, first_position, last_position)
     SELECT command_key, min(position), max(position)
       FROM (SELECT command_key, position,
                    position - row_number() OVER (PARTITION BY command_key ORDER BY position) AS run
               FROM events WHERE command_key IS NOT NULL)
      GROUP BY command_key, run;
   DROP INDEX events_by_command_key;
   ALTER TABLE events DROP COLUMN command_key;
   DROP INDEX events_by_recorded_at;`,
];

const COMPONENT = 'event-store';

/**
 * Creates or upgrades the event tables; safe to run at every start and from several processes at once. A test stops
 * at `upToVersion` to build a database as an earlier release left it.
 */
export function migrateSqliteEventStore(db: Database.Database, upToVersion = MIGRATIONS.length): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
     component TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (component, version))`);
  const applied = db.prepare('SELECT version FROM schema_migrations WHERE component = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (component, version, applied_at) VALUES (?, ?, ?)');
  const migrate = db.transaction(() => {
    const done = new Set((applied.all(COMPONENT) as number[]).map(Number));
    MIGRATIONS.forEach((sql, index) => {
      const version = index + 1;
      if (done.has(version) || version > upToVersion) return;
      db.exec(sql);
      record.run(COMPONENT, version, new Date().toISOString());
    });
  });
  migrate.immediate();
}

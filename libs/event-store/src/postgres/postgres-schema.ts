import type { Pool } from 'pg';
import { unboundedQuery } from './postgres-connection';

/** Ordered, append-only list: a released migration is never edited, a change is a new entry. */
const MIGRATIONS: readonly string[] = [
  // stream_id in the C collation so that `LIKE 'prefix%'` can use the (stream_id, revision) index.
  `CREATE TABLE events (
     position       BIGINT  PRIMARY KEY,
     stream_id      TEXT    COLLATE "C" NOT NULL,
     revision       BIGINT  NOT NULL,
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
   CREATE INDEX events_by_recorded_at ON events (recorded_at, position);
   -- The single head row: appends lock it, so positions are handed out in commit order and a reader
   -- following positions can never see a later position commit before an earlier one.
   CREATE TABLE event_log_head (
     singleton   BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
     position    BIGINT  NOT NULL,
     recorded_at TEXT
   );
   INSERT INTO event_log_head (position, recorded_at) VALUES (0, NULL);`,
  // metadata.commandId copied into a column of its own: the idempotency lookup of every command needs an index.
  `ALTER TABLE events ADD COLUMN command_id TEXT;
   CREATE INDEX events_by_command_id ON events (command_id) WHERE command_id IS NOT NULL;`,
  // One row rewritten by EventStore.probeWrite: a real write that tells when the storage takes writes again.
  `CREATE TABLE write_probe (id INTEGER PRIMARY KEY CHECK (id = 1), probed_at TIMESTAMPTZ NOT NULL);`,
  // Idempotency keys are each principal's own: the column holds commandKey(actor id, command id), computed here for
  // the events already stored (an event without a string actor id keeps none; so does one whose metadata holds a
  // NUL escape, which PostgreSQL text cannot hold). The index is rebuilt, not updated.
  `DROP INDEX events_by_command_id;
   ALTER TABLE events RENAME COLUMN command_id TO command_key;
   UPDATE events
      SET command_key = CASE
            WHEN strpos(metadata, '\\u0000') > 0 THEN NULL
            WHEN json_typeof(metadata::json -> 'actor' -> 'id') = 'string'
              THEN encode(convert_to(metadata::json -> 'actor' ->> 'id', 'UTF8'), 'hex') || ':' || command_key
          END
    WHERE command_key IS NOT NULL;
   CREATE INDEX events_by_command_key ON events (command_key) WHERE command_key IS NOT NULL;`,
  // An append in one round trip: under the head-row lock, checks that the stream's tip and the log's last recordedAt
  // are those the caller chained and hashed the batch over, and inserts it; otherwise inserts nothing and returns them.
  `CREATE FUNCTION append_events(
     p_stream_id TEXT, p_tip_revision BIGINT, p_tip_hash TEXT, p_recorded_at TEXT, p_channel TEXT,
     p_event_ids TEXT[], p_types TEXT[], p_schema_versions INT[], p_data TEXT[], p_metadata TEXT[], p_hashes TEXT[],
     p_command_keys TEXT[])
   RETURNS TABLE (last_position BIGINT, tip_revision BIGINT, tip_hash TEXT, last_recorded_at TEXT)
   LANGUAGE plpgsql AS $$
   DECLARE
     head_position BIGINT;
     head_recorded_at TEXT;
     actual_revision BIGINT;
     actual_hash TEXT;
     batch_size INT := cardinality(p_event_ids);
   BEGIN
     SELECT h.position, h.recorded_at INTO head_position, head_recorded_at FROM event_log_head h FOR UPDATE;
     -- A statement of its own, hence a snapshot taken after the lock: it sees every append committed before ours.
     SELECT e.revision, e.hash INTO actual_revision, actual_hash
       FROM events e WHERE e.stream_id = p_stream_id ORDER BY e.revision DESC LIMIT 1;
     IF actual_revision IS DISTINCT FROM p_tip_revision OR actual_hash IS DISTINCT FROM p_tip_hash
        OR head_recorded_at > p_recorded_at THEN
       RETURN QUERY SELECT NULL::BIGINT, actual_revision, actual_hash, head_recorded_at;
       RETURN;
     END IF;
     INSERT INTO events (position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at,
                         prev_hash, hash, command_key)
     SELECT head_position + b.n, p_stream_id, coalesce(p_tip_revision, -1) + b.n, b.event_id, b.type, b.schema_version,
            b.data, b.metadata, p_recorded_at, coalesce(lag(b.hash) OVER (ORDER BY b.n), p_tip_hash, repeat('0', 64)),
            b.hash, b.command_key
       FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, p_hashes, p_command_keys)
            WITH ORDINALITY AS b(event_id, type, schema_version, data, metadata, hash, command_key, n);
     UPDATE event_log_head SET position = head_position + batch_size, recorded_at = p_recorded_at;
     PERFORM pg_notify(p_channel, (head_position + batch_size)::TEXT);
     RETURN QUERY SELECT head_position + batch_size, NULL::BIGINT, NULL::TEXT, NULL::TEXT;
   END $$;`,
  // Group commit: the appends a store queued while its previous call was in flight, in one call under one head-row
  // lock. Each append's tip is checked on its own; those whose tips hold are inserted with consecutive positions, the
  // others inserted nothing. One row per append, in order: its last position, or the actual tip and last recordedAt.
  // An append's events are p_sizes[i] consecutive elements of the event arrays. append_events stays for the
  // processes of the previous release that still call it during an upgrade.
  `CREATE FUNCTION append_event_group(
     p_recorded_at TEXT, p_channel TEXT, p_stream_ids TEXT[], p_tip_revisions BIGINT[], p_tip_hashes TEXT[],
     p_sizes INT[], p_event_ids TEXT[], p_types TEXT[], p_schema_versions INT[], p_data TEXT[], p_metadata TEXT[],
     p_hashes TEXT[], p_command_keys TEXT[])
   RETURNS TABLE (last_position BIGINT, tip_revision BIGINT, tip_hash TEXT, last_recorded_at TEXT)
   LANGUAGE plpgsql AS $$
   DECLARE
     head_position BIGINT;
     head_recorded_at TEXT;
     next_position BIGINT;
     actual_revision BIGINT;
     actual_hash TEXT;
     first_event INT := 1;
     last_event INT;
   BEGIN
     SELECT h.position, h.recorded_at INTO head_position, head_recorded_at FROM event_log_head h FOR UPDATE;
     next_position := head_position;
     FOR i IN 1 .. cardinality(p_stream_ids) LOOP
       last_event := first_event + p_sizes[i] - 1;
       -- A statement of its own, hence a snapshot taken after the lock (and after this group's earlier inserts).
       SELECT e.revision, e.hash INTO actual_revision, actual_hash
         FROM events e WHERE e.stream_id = p_stream_ids[i] ORDER BY e.revision DESC LIMIT 1;
       IF actual_revision IS DISTINCT FROM p_tip_revisions[i] OR actual_hash IS DISTINCT FROM p_tip_hashes[i]
          OR head_recorded_at > p_recorded_at THEN
         RETURN QUERY SELECT NULL::BIGINT, actual_revision, actual_hash, head_recorded_at;
       ELSE
         INSERT INTO events (position, stream_id, revision, event_id, type, schema_version, data, metadata,
                             recorded_at, prev_hash, hash, command_key)
         SELECT next_position + b.n, p_stream_ids[i], coalesce(p_tip_revisions[i], -1) + b.n, b.event_id, b.type,
                b.schema_version, b.data, b.metadata, p_recorded_at,
                coalesce(lag(b.hash) OVER (ORDER BY b.n), p_tip_hashes[i], repeat('0', 64)), b.hash, b.command_key
           FROM unnest(p_event_ids[first_event:last_event], p_types[first_event:last_event],
                       p_schema_versions[first_event:last_event], p_data[first_event:last_event],
                       p_metadata[first_event:last_event], p_hashes[first_event:last_event],
                       p_command_keys[first_event:last_event])
                WITH ORDINALITY AS b(event_id, type, schema_version, data, metadata, hash, command_key, n);
         next_position := next_position + p_sizes[i];
         RETURN QUERY SELECT next_position, NULL::BIGINT, NULL::TEXT, NULL::TEXT;
       END IF;
       first_event := last_event + 1;
     END LOOP;
     IF next_position > head_position THEN
       UPDATE event_log_head SET position = next_position, recorded_at = p_recorded_at;
       PERFORM pg_notify(p_channel, next_position::TEXT);
     END IF;
   END $$;`,
];

const COMPONENT = 'event-store';

/**
 * Creates or upgrades the event tables in `schema`; safe at every start and from several processes at once. A test
 * stops at `upToVersion` to build a database as an earlier release left it.
 */
export async function migratePostgresEventStore(
  pool: Pool,
  schema: string,
  upToVersion = MIGRATIONS.length,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`portfolio-ledger:migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
       component TEXT NOT NULL, version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
       PRIMARY KEY (component, version))`);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations WHERE component = $1',
      [COMPONENT],
    );
    const done = new Set(rows.map((row) => row.version));
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (done.has(index + 1) || index + 1 > upToVersion) continue;
      // A migration lasts as long as the log is large (an index built over every event): no statement bound.
      await client.query('SET LOCAL statement_timeout = 0');
      await client.query(unboundedQuery(sql));
      await client.query('INSERT INTO schema_migrations (component, version) VALUES ($1, $2)', [COMPONENT, index + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

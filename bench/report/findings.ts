/**
 * Why a goal is not met, from the profiles (node --cpu-prof) and the measurements of this branch. Shown beside a
 * goal only when the latest results miss it; written by hand, because a reason needs reading a profile.
 */
export const FINDINGS: Readonly<Record<string, string>> = {
  'sqlite-append-ratio':
    'Each event is canonicalised (RFC 8785, json-canonicalize: a recursive sort and string build) and hashed before its INSERT, and the row carries 3 more indexes than the plain table (type, recorded_at, command_id, plus the unique event_id and (stream, revision)): the raw baseline pays neither.',
  'sqlite-peer-append': 'Follows from the append cost above: Emmett writes plain JSON with no canonical form nor hash.',
  'sqlite-read-all':
    'rowToStoredEvent parses data and metadata with JSON.parse and converts position and revision to BigInt for every row; defaultSafeIntegers makes better-sqlite3 return BigInts for every integer column.',
  'sqlite-ingest':
    'Per event the command path decides (validation of each measurement), folds the event onto the cached state, builds NewEvents, canonicalises and hashes; the earlier profile of this path: GC 21 %, SQLite insert loop and transaction 15 %, hashing and canonical JSON 12 %.',
  'sqlite-http':
    'Per request: Express, helmet, auth, class-validator (~5 %), the command executor (idempotency lookup, stream load), an fsync per commit (synchronous=FULL), and the projector following the log in the same process; on 2 cores the load generator takes one of them. The open-loop schedule queues requests once throughput falls below the rate, so p99 grows with the run.',
  'sqlite-rebuild':
    'The runtime reads 1,000 events per batch through readAll (JSON.parse and BigInt per row), then builds Kysely insert queries row by row; the read-model tables have several indexes each.',
  'sqlite-export':
    'Export reads the log through readAll (JSON.parse per row) and serialises each event again; the bundle reads the log three times (Merkle tree, NDJSON, CSV).',
  'sqlite-verify':
    'The verifier parses each line, canonicalises data and metadata again (RFC 8785) and hashes: canonicalisation dominates.',
  'postgres-append-ratio-1':
    'An append is 4 round trips (BEGIN + head-row lock, tip read, INSERT via unnest, COMMIT) against 1 for the raw INSERT, plus canonicalisation and hashing in Node.',
  'postgres-append-ratio-8':
    'The head-row lock serialises every append, by design (gap-safe positions): 8 writers queue on it while the raw INSERTs run in parallel.',
  'postgres-peer-append': 'Follows from the serialised, 4-round-trip append above.',
  'postgres-read-all':
    'As on SQLite: JSON.parse of data and metadata and BigInt conversions per row, plus pg text decoding.',
};

/**
 * Why a goal is not met, from CPU profiles (node --cpu-prof on the scenario's process) and side measurements of this
 * branch. Shown beside a goal only when the latest results miss it; written by hand, because a reason needs reading a
 * profile, not a threshold.
 */
export const FINDINGS: Readonly<Record<string, string>> = {
  'sqlite-append-ratio':
    'Profile of the append (50k events in appends of 100): transaction and commit (BEGIN IMMEDIATE, WAL write and fsync) ~40 %, the INSERT loop ~20 %, RFC 8785 canonicalisation ~11 %, hash input and sha256 ~13 %, validation ~6 %. The log keeps three secondary indexes (unique event id, unique stream revision, type) and one idempotency row per command; event ids are time-ordered (UUIDv7) so the unique index grows at its right edge (random v4 ids halved even a raw INSERT). The rest of the gap is what the raw INSERT does not do: canonical JSON, a sha256 per event and two 64-character hashes stored per row.',
  'sqlite-peer-append':
    "Emmett's SQLite store also writes indexed tables (messages and streams) but neither canonicalises nor hashes; with the index cost common to both, our per-event validation, canonical JSON and sha256 leave us near parity rather than 2.5× ahead.",
  'sqlite-peer-read':
    'Both stores spend most of a stream read in JSON.parse of ~600-byte events; the plain read-back with the same parsing is the ceiling, and we are within it but Emmett is too.',
  'sqlite-read-all':
    'Bounded by JSON.parse of data and metadata for ~600-byte events (the issue measured ~270-byte events): the raw read-back with the same parsing is the ceiling; rowToStoredEvent adds BigInt conversions.',
  'sqlite-ingest':
    'Profile of the command path (100k events, ~630 per command): the store takes about two thirds of the time (transaction and WAL fsync 20 %, INSERT into six b-trees 17 %, chaining and validation 11 %, canonical JSON 8 %, sha256 8 %); GC 8 %; the domain (decide, evolve) under 5 %. The path is as fast as the store append it ends in.',
  'sqlite-http':
    'On 2 cores the load generator takes one core and the service the other. Per request the service runs Express, helmet, auth, class-validator, the executor (idempotency lookup, stream load, decide), the commit and the projector following the log in the same process. Group commit (appends arriving together share one transaction and one fsync) took 32 concurrent clients from 270 to about 490 commands/s in a side measurement; above its capacity the open-loop schedule queues requests, so p50 and p99 measure the queue (latency counts from the scheduled send time).',
  'sqlite-rebuild':
    'Profile of a rebuild (100k events): inserting the rows into the read-model tables is 41 % (each event touches about ten b-trees: the measurement table and its series index, the audit-log index and its five filter indexes, their primary keys), readAll with JSON.parse 23 %, commits 9 %. Statements are now prepared once and run row by row (24k -> ~29k events/s at 100k); the rest is the indexes the queries need, shared by all generations so that a rebuild cannot drop them and build them after the load.',
  'sqlite-as-of':
    'Explained and fixed after the full run above: SQLite chose the (generation, position) primary key for the `position <= asOf` range and read every measurement known at asOf, instead of the series index (EXPLAIN QUERY PLAN). The filter no longer chooses the index, so SQLite answers with the series index as PostgreSQL does (flat project reads there); the 1M and 3M figures above predate the fix and must be measured again with --full.',
  'sqlite-export':
    'Profile of the bundle export (100k): 36 % idle (waiting on zip deflate in the libuv pool and on the sequential zip entries), readAll with JSON.parse 14 %, CSV (csv-stringify and canonical JSON of data/metadata columns) 9 %, zip CRC and deflate 9 %; the bundle reads the log twice to three times (Merkle tree when sealed, NDJSON, CSV). NDJSON alone is bounded by readAll plus JSON.stringify.',
  'sqlite-verify':
    'Profile of the offline verify (100k): canonical JSON of data and metadata 13 %, re-serialising each line to compare it byte for byte 9 %, line parsing and UTF-8 decode 15 %, sha256 (hash input and Merkle leaves) 14 %, GC 9 %: every event is parsed, written twice and hashed once or twice.',
  'sqlite-cold-start':
    'The service start-up (Nest modules, migrations check, signing key, projections checkpoint) is measured as the time the first /health/ready answers 200.',
  'postgres-append-ratio-1':
    'An append is one call of a server function, as the raw INSERT is one statement, but into a table with five secondary indexes against none, and the writer first canonicalises and hashes the batch in Node (~19 µs per event, ~40 % of a 1-writer append of 100 events).',
  'postgres-append-ratio-8':
    "The head-row lock serialises every append by design (positions in commit order, no gaps for a follower); the 8 writers now commit in groups (the appends queued while a call is in flight share one server call, lock and WAL flush, and two calls may be in flight so that Node prepares one group while PostgreSQL writes the other), which took the CPU per event from ~27 µs in Node and ~25 µs in PostgreSQL to ~18 and ~18 µs in a side measurement, with Node still idle ~40 % of the run waiting on the server. On 2 cores a 1-writer append spends its Node and PostgreSQL CPU in turn (~20 + ~18 µs per event, about its whole time), while 8 writers can at best keep both cores busy, (18 + 18) / 2 = 18 µs per event: a ceiling of about 2× the 1-writer figure, short of issue 16's 2.5× however the appends are grouped.",
  'postgres-peer-append':
    'Both appends are one stored-function call; ours also canonicalises and hashes every event in Node and writes five secondary indexes.',
  'postgres-read-all':
    'As on SQLite: JSON.parse of data and metadata for ~600-byte events and BigInt conversions per row, plus pg text decoding.',
  'postgres-exact': 'A follower or final readAll saw an event twice or missed one: see the scenario output.',
};

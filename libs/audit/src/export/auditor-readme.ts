/** README.md of every bundle: what the auditor holds and how to check it without trusting the system. */
export const AUDITOR_README = `# Audit trail export: portfolio-ledger

This bundle holds an export of the event log of a transformation portfolio, and what you need to check, offline and
without trusting the system that produced it, that nothing in it was altered, removed, inserted or reordered.

## Files
- events.ndjson: one event per line, in position order: position, streamId, revision, eventId, type, schemaVersion,
  data, metadata, recordedAt, prevHash, hash.
- events.csv: the same events, one row each (UTF-8, comma separator, snake_case headers, ISO 8601 dates), described by
  tableschema.json (Frictionless TableSchema). So that no spreadsheet runs a cell as a formula (OWASP CSV injection),
  a cell starting with =, +, -, @, TAB, CR or ' is written with one more ' in front: remove one leading ' from each
  cell that has one to get the exact value. The hashes cover the events, as in events.ndjson, not the CSV text.
- manifest.json: the filters of the export, the event count and position range, the sha256 of every other file, the
  chain anchor of each stream (the hash its first exported event follows), every review-cycle seal with its
  signature, consistency proofs between successive seals, inclusion proofs of the exported events when the export is
  filtered, and the public key (Ed25519) with its fingerprint.

## How to verify
    npx portfolio verify bundle.zip --public-key seal-public-key.pem

Use a public key you obtained independently (GET /api/v1/audit/public-key, or from the programme office) and check its
fingerprint: a key taken from the bundle itself only proves the bundle is self-consistent, so without --public-key
the verdict is at best UNVERIFIED. Exit codes: 0 intact, 1 tampered, 2 unusable input, 3 unverified.

The verifier recomputes, for every event, hash = sha256(RFC 8785 canonical JSON of {prevHash, streamId, revision,
eventId, type, schemaVersion, data, metadata, recordedAt}) and checks that each event follows the previous one of its
stream; it recomputes each seal's Merkle root (RFC 6962) over the events up to the sealed position, or checks the
inclusion proofs of a filtered export against it; it checks each seal's signature, the consistency proofs between
seals, and the file digests. It reports the first problem with the position of the event concerned.

## What a seal proves, and what it does not
A seal proves that the log, up to its sealed position, is exactly the one the programme office signed when the
review was held: any later change to a sealed event, and any removal, insertion or reordering before the sealed
position, is detected. It does not prove that the facts recorded were true, that events after the last seal were not
altered (the hash chains still show changes inside a stream, but not the removal of a stream's latest events), nor
anything about an export whose public key you did not obtain independently.
`;

/** README.md of every bundle: what the auditor holds and how to check it without trusting the system. */
export const AUDITOR_README = `# Audit trail export: portfolio-ledger

This bundle holds an export of the event log of a transformation portfolio, and what you need to check, offline and
without trusting the system that produced it, that nothing in it was altered, removed, inserted or reordered.

## Files
- events.ndjson: one event per line, in position order: position, streamId, revision, eventId, type, schemaVersion,
  data, metadata, recordedAt, prevHash, hash. When the export is filtered, each event line is followed by its
  inclusion proof in the checkpoint below ({"inclusionProof":...}). The last line is the trailer
  ({"exportTrailer":...}): the signed checkpoint of the whole log when the export was made, and an export statement,
  signed by the same key, of what the export holds (filters, event count, first and last positions, seal count, a
  digest of the event hashes), with a proof that each seal's history is a prefix of the checkpoint.
- events.csv: the same events, one row each (UTF-8, comma separator, snake_case headers, ISO 8601 dates), described by
  tableschema.json (Frictionless TableSchema). So that no spreadsheet runs a cell as a formula (OWASP CSV injection),
  a cell starting with =, +, -, @, TAB, CR or ' is written with one more ' in front: remove one leading ' from each
  cell that has one to get the exact value. The hashes cover the events, as in events.ndjson, not the CSV text. Its
  last line is the same trailer, as a comment line (#exportTrailer: then the trailer's JSON in base64). Verifying the
  bundle checks that every line of it is what the exporter writes from the verified events of events.ndjson.
- manifest.json: the filters of the export, the event count and position range, the sha256 of every other file, the
  chain anchor of each stream (the hash its first exported event follows), every review-cycle seal with its
  signature, consistency proofs between successive seals, and the public key (Ed25519) with its fingerprint.

## How to verify
    npx portfolio verify bundle.zip --public-key seal-public-key.pem

Use a public key you obtained independently (GET /api/v1/audit/public-key, or from the programme office) and check its
fingerprint: a key taken from the bundle itself only proves the bundle is self-consistent, so without --public-key
the verdict is at best UNVERIFIED. Exit codes: 0 intact, 1 tampered, 2 unusable input, 3 unverified.

If you hold more of your own, require it too: --checkpoint FILE, a checkpoint of this log you kept from earlier (GET
/api/v1/audit/checkpoint), which the export must show or extend; --min-size N; --witness-key VKEY (repeatable), each
witness having cosigned a checkpoint this export extends; --tsa-certificate PEM, with which the checkpoint's
time-stamp must verify. Each one given must hold, or the verdict is at best UNVERIFIED; one the export contradicts
makes it TAMPERED. events.csv can be verified on its own (portfolio verify events.csv); a filtered one carries no
inclusion proofs, so its verdict is then at best UNVERIFIED.

The verifier recomputes, for every event, hash = sha256(RFC 8785 canonical JSON of {prevHash, streamId, revision,
eventId, type, schemaVersion, data, metadata, recordedAt}) and checks that each event follows the previous one of its
stream; it recomputes each seal's Merkle root (RFC 6962) over the events up to the sealed position; it checks the
trailer: the signatures of its checkpoint and statement, the statement's count and digest against the events, the
checkpoint's root recomputed over the whole log (or, for a filtered export, each event's inclusion proof in it), each
seal proven a prefix of the checkpoint; then each seal's signature, the consistency proofs between seals, that
events.csv holds exactly the rows of those events, and the file digests. It reports the first problem with the position of the event concerned. The format is described in
docs/audit-format.md of the portfolio-ledger sources.

## What a seal and the trailer prove, and what they do not
A seal proves that the log, up to its sealed position, is exactly the one the programme office signed when the
review was held: any later change to a sealed event, and any removal, insertion or reordering before the sealed
position, is detected. The trailer's checkpoint does the same for the whole log at the time of the export, and its
statement for the export itself: an export cut at its end, or with events removed anywhere, no longer matches what
was signed. None of it proves that the facts recorded were true, nor anything about an export whose public key you
did not obtain independently.
`;

/** Why an export fails verification; each code names one kind of finding, the message explains the instance. */
export type ExportProblemCode =
  /** The input cannot be read as an export: I/O error, not a zip, a damaged zip entry, two entries of one name. */
  | 'unreadable'
  /** A file the bundle needs, or one its manifest lists, is absent. */
  | 'missing_file'
  /** manifest.json is not a v2 manifest, or contradicts itself. */
  | 'bad_manifest'
  /** A CSV file whose header is not that of an events export: no export to check. */
  | 'bad_csv_header'
  /** The auditor's public key is not the key the export names. */
  | 'wrong_key'
  /** A seal's, the checkpoint's or the export statement's signature does not verify with the trusted key. */
  | 'bad_signature'
  /** Two successive seals, or a seal and the checkpoint, do not describe one growing log. */
  | 'inconsistent_seals'
  /** A line is not an event as the exporter writes it. */
  | 'malformed_event'
  /** The export does not end with its trailer, or its last line stops before its newline: it was cut. */
  | 'truncated'
  /** The trailer cannot be read, or contradicts itself (its statement names another checkpoint). */
  | 'bad_trailer'
  /** A line follows the trailer, which must end the export. */
  | 'after_trailer'
  /** The export does not hold what its signed statement says: count, range, digest of the events, seals, filters. */
  | 'statement_mismatch'
  /** A full export's events do not make the tree its checkpoint signs (size or root). */
  | 'checkpoint_mismatch'
  /** Positions do not strictly increase. */
  | 'out_of_order'
  /** An event does not follow its stream's previous event (or anchor), or its hash is not its content's. */
  | 'chain_broken'
  /** A ReviewCycleHeld event and the manifest's seal differ, or one lacks the other. */
  | 'seal_mismatch'
  /** The events up to a seal's sealedPosition do not have the seal's Merkle root or count. */
  | 'merkle_mismatch'
  /** An event's inclusion proof does not place its hash in the checkpoint's tree. */
  | 'inclusion_failed'
  /** An event of a filtered export has no inclusion proof. */
  | 'missing_proof'
  /** The manifest vouches for an event (a chain anchor) that the export does not hold. */
  | 'missing_event'
  /** The manifest's eventCount, firstPosition or lastPosition is not what the file holds. */
  | 'count_mismatch'
  /** A file's SHA-256 or size differs from the manifest's. */
  | 'digest_mismatch'
  /** A bundle's events.csv is not what the exporter writes from its events.ndjson: a row changed, removed, added, cut. */
  | 'csv_mismatch'
  /** The export's checkpoint is smaller than the one the auditor pinned (--checkpoint, --min-size): an older log. */
  | 'older_than_pin'
  /** The export's log and the pinned checkpoint's differ within the pinned size: a rewritten or forked log. */
  | 'pin_mismatch'
  /** The trailer's witnessed checkpoint is malformed, of another log, or not signed by the instance key. */
  | 'bad_witnessed_checkpoint'
  /** A witness's cosignature on the witnessed checkpoint does not verify with the witness key given. */
  | 'bad_cosignature'
  /** The witnessed checkpoint is not proven to be a prefix of the export's checkpoint. */
  | 'witness_inconsistent'
  /** The trailer's time-stamp token does not verify over the checkpoint with the TSA certificate given. */
  | 'bad_timestamp';

/** The first thing found wrong, located as precisely as the check allows. */
export interface ExportProblem {
  readonly code: ExportProblemCode;
  /** Global position concerned, in decimal (as positions travel in JSON). */
  readonly position?: string;
  readonly streamId?: string;
  /** Review cycle whose seal is concerned. */
  readonly cycleId?: string;
  /** File of the bundle concerned. */
  readonly file?: string;
  /** 1-based line of events.ndjson. */
  readonly line?: number;
  readonly message: string;
}

/**
 * Thrown by a check to end the walk at the first problem: one altered byte breaks every later hash of its stream,
 * so what follows the first finding adds noise, not information.
 */
export class ExportProblemFound extends Error {
  constructor(readonly problem: ExportProblem) {
    super(problem.message);
    this.name = 'ExportProblemFound';
  }
}

export function fail(problem: ExportProblem): never {
  // Unknown locations are left out rather than kept as undefined: the report is printed and served as JSON.
  const located = Object.fromEntries(Object.entries(problem).filter(([, value]) => value !== undefined));
  throw new ExportProblemFound(located as unknown as ExportProblem);
}

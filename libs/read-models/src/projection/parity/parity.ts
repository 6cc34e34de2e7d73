// What a rebuild reports when it compares the generation it built with the one it replaces (issue 17).

/** A read-model row as readers get it: every column but `generation`, the position in decimal. */
export type DocumentRow = Readonly<Record<string, unknown>>;

/** The first document the two generations disagree on. */
export interface DocumentDifference {
  /** Named as a person recognises it, e.g. "project hubee: measurement of echanges … at position 57". */
  readonly document: string;
  readonly table: string;
  readonly position: string;
  /** The row as the live generation holds it; null when it has none there. */
  readonly live: DocumentRow | null;
  /** The row as the rebuild projected it from the log; null when it projected none. */
  readonly rebuilt: DocumentRow | null;
}

/**
 * The documents made known at positions up to `position`, compared between the live generation and the rebuilt one:
 * equal with their common digest, or the digests of each and the first document that differs.
 */
export type Parity =
  | {
      readonly position: string;
      readonly equal: true;
      readonly documents: number;
      readonly digest: string;
    }
  | {
      readonly position: string;
      readonly equal: false;
      readonly liveDigest: string;
      readonly rebuiltDigest: string;
      /** How many documents differ: changed, missing from one generation or present in one only. */
      readonly differences: number;
      readonly firstDifference: DocumentDifference;
    };

/** A rebuild asked to switch only onto identical read models found a difference: it keeps the live generation. */
export class GenerationsDifferError extends Error {
  readonly code = 'generations_differ';

  constructor(readonly parity: Extract<Parity, { equal: false }>) {
    const { position, differences, firstDifference } = parity;
    super(
      `the rebuilt read models differ from the live ones up to position ${position} ` +
        `(${differences} document${differences === 1 ? '' : 's'}; first: ${firstDifference.document}): ` +
        'the live read models keep serving and the rebuilt ones were dropped',
    );
    this.name = 'GenerationsDifferError';
  }
}

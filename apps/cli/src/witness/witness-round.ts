import {
  formatSignatureLine,
  openCheckpoint,
  signText,
  verifyConsistency,
  type NoteSigner,
  type NoteVerifier,
} from '@portfolio/audit';
import type { WitnessState } from './witness-state';

// One round of the witness: open the log's latest checkpoint, check it extends the last one cosigned, cosign it.

/** Where the witness reads the log: its latest checkpoint note and consistency proofs (hex hashes). */
export interface LogSource {
  latestCheckpoint(): Promise<string>;
  consistencyProof(from: number, to: number): Promise<readonly string[]>;
}

export type WitnessRound =
  | {
      readonly outcome: 'cosigned';
      readonly line: string;
      /** The checkpoint text and the cosignature line: the cosigned note to hand back to the instance. */
      readonly cosignedNote: string;
      readonly state: WitnessState;
    }
  | { readonly outcome: 'refused'; readonly reason: string };

const short = (root: string) => root.slice(0, 16);

async function whyNotExtending(
  previous: WitnessState,
  size: number,
  root: string,
  log: LogSource,
): Promise<string | undefined> {
  if (size < previous.size) {
    return `rewound log: the checkpoint has ${size} events, fewer than the ${previous.size} already cosigned`;
  }
  if (size === previous.size) {
    return root === previous.root
      ? undefined
      : `forked log: at the same size ${size} the root is ${short(root)}…, not the ${short(previous.root)}… cosigned`;
  }
  const proof = await log.consistencyProof(previous.size, size);
  return verifyConsistency(previous.size, size, previous.root, root, proof)
    ? undefined
    : `forked log: the checkpoint of size ${size} does not extend the one of size ${previous.size} already cosigned (the consistency proof fails)`;
}

/** Cosigns the latest checkpoint if it extends `previous` (or if there is none), and says why not otherwise. */
export async function witnessRound(
  log: LogSource,
  logKey: NoteVerifier,
  cosigner: NoteSigner,
  previous: WitnessState | undefined,
): Promise<WitnessRound> {
  const note = await log.latestCheckpoint();
  const { checkpoint, text } = openCheckpoint(note, logKey);
  if (previous !== undefined) {
    const reason = await whyNotExtending(previous, checkpoint.size, checkpoint.root, log);
    if (reason !== undefined) return { outcome: 'refused', reason };
  }
  const line = formatSignatureLine(signText(text, cosigner));
  return {
    outcome: 'cosigned',
    line,
    cosignedNote: `${text}\n${line}\n`,
    state: { size: checkpoint.size, root: checkpoint.root, note },
  };
}

// A signed checkpoint of the log: its size in the signed note, its witnesses, the committees' seals it covers.
import type { Role } from './session';

/** The roles the audit endpoints let in (their `x-roles`). */
export const AUDITORS: readonly Role[] = ['auditor', 'admin'];

/** A checkpoint as GET /audit/checkpoints lists it. */
export interface Checkpoint {
  readonly treeSize: number;
  readonly position: string;
  readonly root: string;
  readonly signedAt: string;
  readonly timestamp: { readonly genTime: string } | null;
  readonly cosignatures: readonly string[];
}

/** The tree size a C2SP signed note names on its second line (origin, size, root hash, blank line, signatures). */
export function treeSizeOfNote(note: string): number {
  const size = note.split('\n')[1];
  if (size === undefined || !/^\d+$/.test(size)) throw new Error('the latest checkpoint is not a signed note');
  return Number(size);
}

/** The witness a cosignature line (`— <witness> <base64>`) names. */
export function witnessOf(cosignature: string): string {
  return cosignature.split(' ')[1] ?? cosignature;
}

/** Whether a checkpoint covers a seal: it signs every event up to the sealed position, or further. */
export function covers(checkpoint: Checkpoint, sealedPosition: string): boolean {
  return BigInt(checkpoint.position) >= BigInt(sealedPosition);
}

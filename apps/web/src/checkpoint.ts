// The latest signed checkpoint of the log, with its witnesses' cosignatures, and which seals it covers.
import { useEffect, useState } from 'preact/hooks';
import { asProblem, type ApiClient } from './api';
import { useSignedIn } from './context';
import type { Resource } from './resource';
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

/** The latest note names its size; the list, from just below it, gives that checkpoint's fields. Null: none signed. */
async function latestCheckpoint(api: ApiClient): Promise<Checkpoint | null> {
  let note: string;
  try {
    note = await (await api.file('/audit/checkpoint')).body.text();
  } catch (error) {
    if (asProblem(error).status === 404) return null;
    throw error;
  }
  const treeSize = treeSizeOfNote(note);
  const [checkpoint] = await api.get<Checkpoint[]>('/audit/checkpoints', { after: String(treeSize - 1), limit: '1' });
  return checkpoint ?? null;
}

/** GET the latest checkpoint (auditor and admin roles), as a page's resource. */
export function useLatestCheckpoint(): Resource<Checkpoint | null> {
  const { api } = useSignedIn();
  const [resource, setResource] = useState<Resource<Checkpoint | null>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    latestCheckpoint(api).then(
      (value) => current && setResource({ state: 'loaded', value }),
      (error: unknown) => current && setResource({ state: 'failed', problem: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);
  return resource;
}

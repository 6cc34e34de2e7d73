// The latest signed checkpoint of the log, read for a page (auditor and admin roles).
import { useEffect, useState } from 'preact/hooks';
import { asProblem, type ApiClient } from './api';
import { treeSizeOfNote, type Checkpoint } from './checkpoint';
import { useSignedIn } from './context';
import type { Resource } from './resource';

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

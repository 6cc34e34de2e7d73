// Reading a document of the API for a page: loading, then the document or the problem, again when the query changes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem } from './api';
import { useSignedIn } from './context';

export type Resource<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly value: T }
  | { readonly state: 'failed'; readonly problem: ApiProblem };

/**
 * GET `path` with `query`; a change of either reads again, and an answer to a former query is dropped. A change of
 * `refresh` (live updates) reads the same again, the document shown meanwhile: the page does not flash.
 */
export function useResource<T>(
  path: string,
  query: Readonly<Record<string, string | undefined>> = {},
  refresh = 0,
): Resource<T> {
  const { api } = useSignedIn();
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const key = JSON.stringify([path, query]);
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    if (shown.current !== key) setResource({ state: 'loading' });
    shown.current = key;
    api.get<T>(path, query, controller.signal).then(
      (value) => setResource({ state: 'loaded', value }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'Erreur', String(error), 'unexpected');
        setResource({ state: 'failed', problem });
      },
    );
    return () => controller.abort();
    // The key holds path and query by value: a new object of the same query is the same read.
  }, [api, key, refresh]);
  return resource;
}

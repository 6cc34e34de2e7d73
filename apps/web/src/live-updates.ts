// A page kept up to date: follows the audit log while it is shown, and counts the bursts of events its filters select,
// so that its documents read again (useResource's `refresh`) once a burst has arrived.
import { useEffect, useState } from 'preact/hooks';
import type { TemporalStamp } from '../../../libs/read-models/src/views/documents';
import { useSignedIn } from './context';
import { afterBursts, followEvents, type LiveState } from './live';
import { useResource, type Resource } from './resource';

export interface LiveUpdates {
  /** Grows by one after each burst of events the filters select: pass it as a resource's `refresh`. */
  readonly version: number;
  /** When the last of them arrived. */
  readonly updatedAt: Date | undefined;
  readonly state: LiveState | 'off';
}

/** An import records hundreds of events in a moment: the page reads again once, this long after the last. */
const BURST_MS = 300;

/**
 * Where following starts: at the head, or after the position of the document a page read (undefined while it is
 * being read: following waits for it), so that no event recorded between the read and the connection is missed.
 */
export type FollowStart = 'head' | { readonly after: string | undefined };

/**
 * Follows the events the filters select (those of /events: a project's page names its `projectId`) while `enabled`
 * (a page showing the past has nothing to follow), from `start`.
 */
export function useLiveUpdates(
  enabled: boolean,
  filters: Readonly<Record<string, string>> = {},
  start: FollowStart = 'head',
): LiveUpdates {
  const { session } = useSignedIn();
  const [live, setLive] = useState<LiveUpdates>({ version: 0, updatedAt: undefined, state: 'off' });
  const key = JSON.stringify(filters);
  const after = start === 'head' ? undefined : start.after;
  const waiting = start !== 'head' && after === undefined;
  useEffect(() => {
    if (!enabled || waiting) return setLive((last) => ({ ...last, state: 'off' }));
    const controller = new AbortController();
    const bursts = afterBursts(
      () => setLive((last) => ({ ...last, version: last.version + 1, updatedAt: new Date() })),
      BURST_MS,
    );
    const onState = (state: LiveState) => setLive((last) => ({ ...last, state }));
    void followEvents({
      token: session.token,
      filters,
      after,
      onEvent: bursts.add,
      onState,
      signal: controller.signal,
    });
    return () => {
      bursts.cancel();
      controller.abort();
    };
    // The filters by value (key): a new object of the same filters follows the same stream. A later position of the
    // page's document (read again on each burst) does not start it again: it resumes with Last-Event-ID.
  }, [session.token, enabled, key, waiting]);
  return live;
}

/**
 * A page's main document, read again after each burst of events the filters select while `enabled`. Following starts
 * after the position the document was read at, so that an event recorded between the read and the connection is not
 * missed; the page passes `live.version` as the `refresh` of its other resources.
 */
export function useLiveDocument<T extends TemporalStamp>(
  path: string,
  query: Readonly<Record<string, string | undefined>>,
  enabled: boolean,
  filters: Readonly<Record<string, string>> = {},
): { readonly document: Resource<T>; readonly live: LiveUpdates } {
  const [readAt, setReadAt] = useState<string | undefined>(undefined);
  const live = useLiveUpdates(enabled, filters, { after: readAt });
  const document = useResource<T>(path, query, live.version);
  const position = document.state === 'loaded' ? document.value.asOf.position : undefined;
  useEffect(() => setReadAt(position), [position]);
  return { document, live };
}

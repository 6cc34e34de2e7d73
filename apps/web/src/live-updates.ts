// A page kept up to date: follows the audit log while it is shown, and counts the events that concern it, so that its
// documents read again (useResource's `refresh`) once a burst of them has arrived.
import { useEffect, useState } from 'preact/hooks';
import { useSignedIn } from './context';
import { followEvents, type LiveEvent, type LiveState } from './live';

export interface LiveUpdates {
  /** Grows by one after each burst of events that concern the page: pass it as a resource's `refresh`. */
  readonly version: number;
  /** When the last of them arrived. */
  readonly updatedAt: Date | undefined;
  readonly state: LiveState | 'off';
}

/** An import records hundreds of events in a moment: the page reads again once, this long after the last. */
const BURST_MS = 300;

/**
 * Follows the events the filters select (those of /events) while `enabled` (a page showing the past has nothing to
 * follow), `concerns` keeping those that change what it shows.
 */
export function useLiveUpdates(
  enabled: boolean,
  filters: Readonly<Record<string, string>> = {},
  concerns: (event: LiveEvent) => boolean = () => true,
): LiveUpdates {
  const { session } = useSignedIn();
  const [live, setLive] = useState<LiveUpdates>({ version: 0, updatedAt: undefined, state: 'off' });
  const key = JSON.stringify(filters);
  useEffect(() => {
    if (!enabled) return setLive((last) => ({ ...last, state: 'off' }));
    const controller = new AbortController();
    let burst: ReturnType<typeof setTimeout> | undefined;
    const onEvent = (event: LiveEvent) => {
      if (!concerns(event)) return;
      clearTimeout(burst);
      burst = setTimeout(
        () => setLive((last) => ({ ...last, version: last.version + 1, updatedAt: new Date() })),
        BURST_MS,
      );
    };
    const onState = (state: LiveState) => setLive((last) => ({ ...last, state }));
    void followEvents({ token: session.token, filters, onEvent, onState, signal: controller.signal });
    return () => {
      clearTimeout(burst);
      controller.abort();
    };
    // The filters by value (key); `concerns` is read as the page gives it when the stream opens.
  }, [session.token, enabled, key]);
  return live;
}

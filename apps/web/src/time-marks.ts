// What the time bar offers: the review cycles held and the Baromètre releases recorded, as known now.
import { useResource } from './resource';
import type { CycleMark, ReleaseMark } from './time-view';

interface Listing<T> {
  readonly items: readonly T[];
}

export interface TimeMarks {
  readonly cycles: readonly CycleMark[];
  readonly releases: readonly ReleaseMark[];
}

/** The marks, empty until read (the time bar then offers now and instants only). */
export function useTimeMarks(): TimeMarks {
  const cycles = useResource<Listing<CycleMark>>('/review-cycles');
  const releases = useResource<Listing<ReleaseMark>>('/sources/barometre/releases');
  return {
    cycles: cycles.state === 'loaded' ? cycles.value.items : [],
    releases: releases.state === 'loaded' ? releases.value.items : [],
  };
}

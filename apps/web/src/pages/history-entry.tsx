// An event of a project's history as a line of its timeline: its French summary and its dates.
import { frenchDate, frenchInstant } from '../french';

/** An event of GET /projects/{projectId}/history (and of /replay), as the page reads it. */
export interface HistoryEntryItem {
  readonly position: string;
  readonly businessDate: string;
  readonly recordedAt: string;
  readonly summary: string;
}

/** An event's summary and its dates. */
export function HistoryEntry({ item }: { item: HistoryEntryItem }) {
  return (
    <>
      <p class="fr-mb-1v">{item.summary}</p>
      <p class="fr-text--xs fr-text-mention--grey">
        Fait du {frenchDate(item.businessDate)}, enregistré le {frenchInstant(item.recordedAt)} (position{' '}
        {item.position})
      </p>
    </>
  );
}

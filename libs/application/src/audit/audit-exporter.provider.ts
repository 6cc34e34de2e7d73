import type { FactoryProvider } from '@nestjs/common';
import { AuditExporter, type EventSelector } from '@portfolio/audit';
import type { EventStore } from '@portfolio/event-store';
import { EVENT_CRITERIA_NAMES, eventCriteria, ReadModelQueries } from '@portfolio/read-models';
import type { KeyObject } from 'node:crypto';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { SEAL_SIGNING_KEY } from './seal-signing-key.provider';

/** A filtered export selects its events as GET /events does: through the read models' index of the log. */
export function readModelEventSelector(queries: ReadModelQueries): EventSelector {
  return {
    select(filters) {
      const criteria = eventCriteria(filters);
      const given = EVENT_CRITERIA_NAMES.flatMap((name) => {
        const value = filters[name];
        return value === undefined ? [] : [[name, value] as const];
      });
      return {
        filters: Object.fromEntries(given),
        events: (upTo) => {
          const { toPosition } = criteria;
          return queries.filteredEvents({
            ...criteria,
            toPosition: toPosition !== undefined && toPosition < upTo ? toPosition : upTo,
          });
        },
      };
    },
  };
}

export const auditExporterProvider: FactoryProvider<AuditExporter> = {
  provide: AuditExporter,
  inject: [EVENT_STORE, SEAL_SIGNING_KEY, ReadModelQueries, CLOCK],
  useFactory: (store: EventStore, key: KeyObject, queries: ReadModelQueries, clock: Clock) =>
    new AuditExporter(store, key, readModelEventSelector(queries), () => clock.now()),
};

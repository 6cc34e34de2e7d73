import type { FactoryProvider } from '@nestjs/common';
import {
  AuditExporter,
  Checkpointer,
  CosignedCheckpoints,
  EXPORT_PAGE_SIZE,
  type EventSelector,
} from '@portfolio/audit';
import type { EventStore } from '@portfolio/event-store';
import {
  AUDIT_LOG_CRITERIA_NAMES,
  auditLogEvents,
  parseAuditLogCriteria,
  type AuditLogFilters,
  type ReadContext,
} from '@portfolio/read-models';
import type { KeyObject } from 'node:crypto';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { READ_CONTEXT } from '../read-models/read-models.module';
import { SEAL_SIGNING_KEY } from './seal-signing-key.provider';

/** A filtered export selects its events as GET /events does: through the audit log's index of the log. */
export function auditLogSelector(reads: ReadContext): EventSelector {
  return {
    select(filters) {
      const given = AUDIT_LOG_CRITERIA_NAMES.flatMap((name) => {
        const value = filters[name];
        return value === undefined ? [] : [[name, value] as const];
      });
      const criteria = parseAuditLogCriteria(Object.fromEntries(given) as AuditLogFilters);
      return {
        filters: Object.fromEntries(given),
        events: (upTo) => auditLogEvents(reads, criteria, upTo, EXPORT_PAGE_SIZE),
      };
    },
  };
}

/**
 * Exports end with the checkpoint the process's checkpointer signs at their head, and the latest one witnesses
 * cosigned (docs/audit-format.md §5).
 */
export const auditExporterProvider: FactoryProvider<AuditExporter> = {
  provide: AuditExporter,
  inject: [EVENT_STORE, Checkpointer, SEAL_SIGNING_KEY, READ_CONTEXT, CLOCK, CosignedCheckpoints],
  useFactory: (
    store: EventStore,
    checkpointer: Checkpointer,
    key: KeyObject,
    reads: ReadContext,
    clock: Clock,
    cosigned: CosignedCheckpoints,
  ) =>
    new AuditExporter(
      store,
      checkpointer,
      key,
      // The events as stored, envelopes and all: an export is verified against their hashes, never revealed.
      auditLogSelector({ ...reads, store }),
      () => clock.now(),
      () => cosigned.latestCosigned(),
    ),
};

import type { FactoryProvider } from '@nestjs/common';
import { AuditVerifier, Checkpointer } from '@portfolio/audit';
import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { SEAL_SIGNING_KEY } from './seal-signing-key.provider';

export const auditVerifierProvider: FactoryProvider<AuditVerifier> = {
  provide: AuditVerifier,
  inject: [EVENT_STORE, SEAL_SIGNING_KEY, CLOCK, Checkpointer],
  useFactory: (store: EventStore, key: KeyObject, clock: Clock, checkpointer: Checkpointer) =>
    new AuditVerifier(store, key, () => clock.now(), checkpointer),
};

import type { FactoryProvider } from '@nestjs/common';
import { HistorySealer } from '@portfolio/audit';
import type { EventStore } from '@portfolio/event-store';
import type { KeyObject } from 'node:crypto';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { SEAL_SIGNING_KEY } from './seal-signing-key.provider';

/** One sealer for the process: it keeps the tree of the log read so far (libs/audit). */
export const historySealerProvider: FactoryProvider<HistorySealer> = {
  provide: HistorySealer,
  inject: [EVENT_STORE, SEAL_SIGNING_KEY],
  useFactory: (store: EventStore, key: KeyObject) => new HistorySealer(store, key),
};

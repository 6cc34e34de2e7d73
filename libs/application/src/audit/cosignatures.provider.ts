import type { FactoryProvider } from '@nestjs/common';
import {
  CosignedCheckpoints,
  SqlCosignatureStore,
  WitnessCosignatures,
  type CheckpointStore,
  type CosignatureStore,
} from '@portfolio/audit';
import type { ReadModelDatabase } from '@portfolio/read-models';
import { CLOCK, type Clock } from '../clock/clock';
import type { PortfolioConfig } from '../config/portfolio-config';
import { PORTFOLIO_CONFIG } from '../event-store/event-store.module';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { CHECKPOINT_STORE } from './checkpoints.provider';

// The witnesses' cosignatures: their store beside the checkpoints, the intake that verifies them, and the checkpoints
// served with them.

/** Injection token of the CosignatureStore, in the database beside the log. */
export const COSIGNATURE_STORE = Symbol('CosignatureStore');

export const cosignatureStoreProvider: FactoryProvider<Promise<CosignatureStore>> = {
  provide: COSIGNATURE_STORE,
  inject: [READ_MODEL_DATABASE],
  useFactory: (database: ReadModelDatabase) => SqlCosignatureStore.open(database.db, database.dialect),
};

export const cosignedCheckpointsProvider: FactoryProvider<CosignedCheckpoints> = {
  provide: CosignedCheckpoints,
  inject: [CHECKPOINT_STORE, COSIGNATURE_STORE],
  useFactory: (checkpoints: CheckpointStore, cosignatures: CosignatureStore) =>
    new CosignedCheckpoints(checkpoints, cosignatures),
};

export const witnessCosignaturesProvider: FactoryProvider<WitnessCosignatures> = {
  provide: WitnessCosignatures,
  inject: [CHECKPOINT_STORE, COSIGNATURE_STORE, PORTFOLIO_CONFIG, CLOCK],
  useFactory: (checkpoints: CheckpointStore, cosignatures: CosignatureStore, config: PortfolioConfig, clock: Clock) =>
    new WitnessCosignatures(checkpoints, cosignatures, {
      witnessKeys: config.witnessKeys ?? [],
      now: () => clock.now(),
    }),
};

import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type FactoryProvider,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  Checkpointer,
  CheckpointSchedule,
  defaultLogOrigin,
  SqlCheckpointStore,
  type CheckpointStore,
} from '@portfolio/audit';
import type { EventStore } from '@portfolio/event-store';
import type { ReadModelDatabase } from '@portfolio/read-models';
import type { KeyObject } from 'node:crypto';
import { CLOCK, type Clock } from '../clock/clock';
import { DEFAULT_CHECKPOINT_INTERVAL_MS } from '../config/checkpoint-config';
import type { PortfolioConfig } from '../config/portfolio-config';
import { PORTFOLIO_CONFIG } from '../event-store/event-store.module';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { SEAL_SIGNING_KEY } from './seal-signing-key.provider';

/** Injection token of the CheckpointStore: the signed checkpoints, in the database beside the log. */
export const CHECKPOINT_STORE = Symbol('CheckpointStore');
/** Whether this process signs checkpoints: the API does, a CLI command does not. */
export const SIGNS_CHECKPOINTS = Symbol('SignsCheckpoints');

export const checkpointStoreProvider: FactoryProvider<Promise<CheckpointStore>> = {
  provide: CHECKPOINT_STORE,
  inject: [READ_MODEL_DATABASE],
  useFactory: (database: ReadModelDatabase) => SqlCheckpointStore.open(database.db, database.dialect),
};

/** One checkpointer for the process: it keeps the tree of the log read so far. */
export const checkpointerProvider: FactoryProvider<Checkpointer> = {
  provide: Checkpointer,
  inject: [EVENT_STORE, CHECKPOINT_STORE, SEAL_SIGNING_KEY, PORTFOLIO_CONFIG, CLOCK],
  useFactory: (
    store: EventStore,
    checkpoints: CheckpointStore,
    key: KeyObject,
    config: PortfolioConfig,
    clock: Clock,
  ) => {
    const logger = new Logger('Checkpoints');
    const origin = config.logOrigin ?? defaultLogOrigin(key);
    return new Checkpointer(store, checkpoints, {
      origin,
      key,
      now: () => clock.now(),
      log: (m) => logger.error(m),
      ...(config.tsa === undefined ? {} : { tsa: config.tsa }),
    });
  },
};

/** Runs the checkpoint schedule while the application runs, in the processes that sign checkpoints. */
@Injectable()
export class CheckpointScheduleRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: CheckpointSchedule;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    checkpointer: Checkpointer,
    @Inject(PORTFOLIO_CONFIG) config: PortfolioConfig,
    @Inject(SIGNS_CHECKPOINTS) private readonly signs: boolean,
  ) {
    const logger = new Logger('Checkpoints');
    const intervalMs = config.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    this.schedule = new CheckpointSchedule(store, checkpointer, { intervalMs, log: (m) => logger.error(m) });
  }

  onApplicationBootstrap(): void {
    if (this.signs) this.schedule.start();
  }

  // Before the read-model database closes on shutdown: the schedule writes into it.
  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }
}

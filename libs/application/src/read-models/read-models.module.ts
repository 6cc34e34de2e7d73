import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '@portfolio/event-store';
import {
  AuditLogProjector,
  openReadModelDatabase,
  PortfolioProjector,
  PostgresAdvisoryLeadership,
  ProjectionRuntime,
  SoleLeadership,
  type ReadContext,
  type ReadModelDatabase,
} from '@portfolio/read-models';
import { CLOCK, todayInParis, type Clock } from '../clock/clock';
import type { PortfolioConfig } from '../config/portfolio-config';
import { PORTFOLIO_CONFIG } from '../event-store/event-store.module';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { PERSONAL_DATA, PersonalData } from '../personal-data/personal-data';
import { SqlPersonalKeyStore } from '../personal-data/personal-key-store';
import { RevealingEventStore } from '../personal-data/revealing-event-store';
import { readModelLocation } from './read-model-location';

export const READ_MODEL_DATABASE = Symbol('ReadModelDatabase');
/** What every read takes (see `ReadContext`): the API's read controllers and the CLI inject it. */
export const READ_CONTEXT = Symbol('ReadContext');
const FOLLOW_THE_LOG = Symbol('FollowTheLog');

/** Whether this process keeps the read models up to date: the API does; a CLI command starts the runtime itself. */
export interface ReadModelsOptions {
  readonly followTheLog: boolean;
}

/**
 * The read models beside the events (same SQLite file or PostgreSQL schema), the projection runtime that keeps them
 * up to date in the background, and what the reads over them take.
 */
@Module({
  providers: [
    {
      provide: READ_MODEL_DATABASE,
      inject: [PORTFOLIO_CONFIG],
      useFactory: (config: PortfolioConfig) => openReadModelDatabase(readModelLocation(config)),
    },
    {
      provide: ProjectionRuntime,
      inject: [EVENT_STORE, READ_MODEL_DATABASE, PORTFOLIO_CONFIG, CLOCK],
      useFactory: (store: EventStore, database: ReadModelDatabase, config: PortfolioConfig, clock: Clock) => {
        const logger = new Logger('Projections');
        const location = readModelLocation(config);
        // Several instances may share a PostgreSQL database: one leads the projections (ARCHITECTURE §7, §9).
        const leadership =
          location.kind === 'postgres' ? new PostgresAdvisoryLeadership(location) : new SoleLeadership();
        return new ProjectionRuntime(store, database, [new PortfolioProjector(), new AuditLogProjector(database.db)], {
          now: () => clock.now(),
          leadership,
          log: (message) => logger.log(message),
          ...(config.projectionStallMs === undefined ? {} : { stallAfterMs: config.projectionStallMs }),
        });
      },
    },
    {
      // The data subjects' keys live beside the read models (the log's SQLite file or PostgreSQL database).
      provide: PERSONAL_DATA,
      inject: [READ_MODEL_DATABASE, CLOCK],
      useFactory: async (database: ReadModelDatabase, clock: Clock) =>
        new PersonalData(await SqlPersonalKeyStore.open(database.db, database.dialect), clock),
    },
    {
      provide: READ_CONTEXT,
      inject: [READ_MODEL_DATABASE, ProjectionRuntime, EVENT_STORE, CLOCK, PERSONAL_DATA],
      useFactory: (
        database: ReadModelDatabase,
        runtime: ProjectionRuntime,
        store: EventStore,
        clock: Clock,
        personal: PersonalData,
      ): ReadContext => ({
        db: database.db,
        projections: runtime,
        // Every read reveals the personal values it returns; the projections and the exports keep the envelopes.
        store: new RevealingEventStore(store, personal),
        today: () => todayInParis(clock),
        revealData: (rows) => personal.revealData(rows),
      }),
    },
  ],
  exports: [ProjectionRuntime, READ_CONTEXT, READ_MODEL_DATABASE, PERSONAL_DATA],
})
export class ReadModelsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runtime: ProjectionRuntime,
    @Inject(READ_MODEL_DATABASE) private readonly database: ReadModelDatabase,
    @Inject(FOLLOW_THE_LOG) private readonly followTheLog: boolean,
  ) {}

  static forRoot(options: ReadModelsOptions): DynamicModule {
    return { module: ReadModelsModule, providers: [{ provide: FOLLOW_THE_LOG, useValue: options.followTheLog }] };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.followTheLog) await this.runtime.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
    await this.database.close();
  }
}

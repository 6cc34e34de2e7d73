import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@portfolio/event-store';
import type { PortfolioConfig } from '../config/portfolio-config';
import { CLOCK, systemClock } from '../clock/clock';
import { EVENT_STORE, openEventStore } from './event-store.provider';
import { WriteHealth } from './write-health';

export const PORTFOLIO_CONFIG = Symbol('PortfolioConfig');

/**
 * Provides the configuration, the event store it names, whether it takes writes, and the clock; closes the store when
 * the application stops.
 */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(config: PortfolioConfig): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        { provide: PORTFOLIO_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
        { provide: CLOCK, useValue: systemClock },
        WriteHealth,
      ],
      exports: [PORTFOLIO_CONFIG, EVENT_STORE, CLOCK, WriteHealth],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

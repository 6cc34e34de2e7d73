import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SIGNS_CHECKPOINTS } from '../audit/checkpoints.provider';
import { CLOCK, type Clock } from '../clock/clock';
import type { PortfolioConfig } from '../config/portfolio-config';
import { DEFAULT_RETENTION_INTERVAL_MS } from '../config/retention-config';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { PORTFOLIO_CONFIG } from '../event-store/event-store.module';
import type { EventStore } from '@portfolio/event-store';
import { ErasureLog } from './erasure-log';
import { IdentityRetention } from './identity-retention';
import { PERSONAL_DATA, type PersonalData } from './personal-data';

/** Applies PORTFOLIO_RETENTION_IDENTITY_DAYS while the service runs (the API process; a CLI command does not). */
@Injectable()
export class IdentityRetentionRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly retention: IdentityRetention | undefined;

  constructor(
    @Inject(PERSONAL_DATA) personal: PersonalData,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(PORTFOLIO_CONFIG) config: PortfolioConfig,
    @Inject(SIGNS_CHECKPOINTS) private readonly isService: boolean,
  ) {
    const days = config.retentionIdentityDays;
    if (days === undefined) return;
    const logger = new Logger('Retention');
    this.retention = new IdentityRetention(personal.keys, new ErasureLog(store, personal), clock, {
      days,
      intervalMs: config.retentionIntervalMs ?? DEFAULT_RETENTION_INTERVAL_MS,
      log: (message) => logger.log(message),
    });
  }

  onApplicationBootstrap(): void {
    if (this.isService) this.retention?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.retention?.stop();
  }
}

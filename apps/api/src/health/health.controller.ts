import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE } from '@portfolio/application';
import type { EventStore } from '@portfolio/event-store';
import { Public } from '../auth/public.decorator';

/** Liveness says the process answers; readiness says it can serve, i.e. its event store answers. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () =>
        this.indicators
          .check('eventStore')
          .attempt(async () => ({ head: (await this.store.head()).toString() }))
          .withTimeout(2000),
    ]);
  }
}

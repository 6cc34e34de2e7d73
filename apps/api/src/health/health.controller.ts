import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { EVENT_STORE, WriteHealth } from '@portfolio/application';
import type { EventStore } from '@portfolio/event-store';
import { ProjectionRuntime } from '@portfolio/read-models';
import { Public } from '../auth/public.decorator';
import { Problems } from '../http/problems';

/** How long readiness waits for the event store's head, a cheap query, before it calls the store unavailable. */
export const READY_STORE_TIMEOUT_MS = 2000;

/** Each check by name: `up`, with what it found. */
const CHECKS = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up'] } },
    required: ['status'],
  },
};

/** Terminus's answer when every check is up (its own description shows a JSON 503; the service answers a problem). */
const HEALTHY = {
  description: 'every check is up',
  schema: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['ok'] }, info: CHECKS, error: CHECKS, details: CHECKS },
    required: ['status', 'info', 'error', 'details'],
  },
};

/**
 * Liveness says the process answers, without touching a database. Readiness says it can serve: its event store
 * answers within a short bound and takes writes (no disk full, read-only or unreachable storage since the last
 * write), and its projections make progress (else reads would not see new events).
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRuntime,
    private readonly writes: WriteHealth,
  ) {}

  @Get('live')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse(HEALTHY)
  @ApiOperation({
    operationId: 'checkLiveness',
    summary: 'Whether the process answers',
    description: 'Touches no database: a failing liveness check means the process should be restarted.',
  })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse(HEALTHY)
  @Problems([503, 'not ready: the detail names each check down and why'])
  @ApiOperation({
    operationId: 'checkReadiness',
    summary: 'Whether the service can serve reads and take writes',
    description: 'The event store answers and takes writes, and the projections make progress.',
  })
  ready() {
    return this.checkNamingTheCause([
      () =>
        this.indicators
          .check('eventStore')
          .attempt(async () => ({ head: (await this.store.head()).toString() }))
          .withTimeout(READY_STORE_TIMEOUT_MS),
      () =>
        this.indicators
          .check('writes')
          .attempt(async () => {
            const fault = await this.writes.currentFault();
            if (fault !== undefined) throw new Error(fault.description);
          })
          .withTimeout(READY_STORE_TIMEOUT_MS),
      () => {
        const health = this.projections.health();
        const indicator = this.indicators.check('projections');
        return health.ok
          ? indicator.up({ position: this.projections.position.toString() })
          : indicator.down({ message: health.reason });
      },
    ]);
  }

  /** The checks; when one is down, a 503 whose detail says which and why (the problem body keeps only the detail). */
  private async checkNamingTheCause(checks: HealthIndicatorFunction[]): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const down = (error.getResponse() as HealthCheckResult).error ?? {};
      const causes = Object.entries(down).map(([name, result]) => `${name}: ${String(result?.message ?? 'down')}`);
      throw new ServiceUnavailableException(`not ready: ${causes.join('; ')}`);
    }
  }
}

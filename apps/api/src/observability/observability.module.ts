import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import type { PortfolioConfig } from '@portfolio/application';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { CommandMetrics } from './metrics/command-metrics';
import { HttpMetrics } from './metrics/http-metrics';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics/metrics-registry';
import { VerificationMetrics } from './metrics/verification-metrics';
import { RequestLogging } from './request-logging';

/** Where the structured log goes: stdout unless a test captures it. */
export interface ObservabilityOptions {
  readonly logDestination?: DestinationStream;
}

/**
 * The application's log (pino, through nestjs-pino for every Nest logger) and its metrics registry with the
 * counters the API moves; global, so that any controller can count what it does.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(config: PortfolioConfig, options: ObservabilityOptions = {}): DynamicModule {
    const logging = new RequestLogging(config.logLevel, options.logDestination);
    const metrics = [HttpMetrics, CommandMetrics, VerificationMetrics];
    return {
      module: ObservabilityModule,
      global: true,
      // useExisting: the request logger is ours, mounted before body parsing (see observeRequests); nestjs-pino
      // binds it to each request, so that lines logged while handling one carry its id.
      imports: [LoggerModule.forRoot({ pinoHttp: { logger: logging.logger }, useExisting: true })],
      providers: [
        { provide: RequestLogging, useValue: logging },
        { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
        ...metrics,
      ],
      exports: [RequestLogging, METRICS_REGISTRY, ...metrics],
    };
  }
}

/**
 * Nest's own logs go to pino, and every request is logged and timed: first of all middleware, so that requests
 * refused before routing (413, 415, malformed JSON) are logged and counted too.
 */
export function observeRequests(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.use(app.get(RequestLogging).middleware);
  app.use(app.get(HttpMetrics).middleware);
}

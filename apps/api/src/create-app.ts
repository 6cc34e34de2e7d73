import { NestFactory } from '@nestjs/core';
import { RequestMethod, type LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { PortfolioConfig } from '@portfolio/application';
import { AppModule } from './app.module';
import { API_PREFIX } from './http/api-prefix';
import { configureHttp } from './http/configure-http';
import { serveOpenApi } from './http/openapi';
import { observeRequests, type ObservabilityOptions } from './observability/observability.module';
import { serveWorkspace } from './web/serve-workspace';

/** How the application is started beside its configuration. */
export interface AppOptions extends ObservabilityOptions {
  readonly startupLogger?: LoggerService;
  /** The built web workspace (dist/web) served at `/`; without it, browsers are told to build it. */
  readonly webRoot?: string;
}

/**
 * The HTTP application exactly as it runs in production; tests start it through here too. Signals are main.ts's
 * business (graceful-shutdown.ts): a test closes its application itself.
 */
export async function createApp(config: PortfolioConfig, options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    // Until the service's own log is set up, Nest logs with this one (main.ts: an operator's error in one line).
    logger: options.startupLogger,
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  // Command responses set their ETag (the stream revision) themselves; Express's body-hash ETags would mislead.
  app.set('etag', false);
  // The client address (request.ip) that failed authentications are counted against: the socket's peer unless
  // PORTFOLIO_TRUST_PROXY names the reverse proxies allowed to tell it in X-Forwarded-For.
  app.set('trust proxy', config.trustProxy ?? false);
  observeRequests(app);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: ['health/live', 'health/ready', 'metrics', { path: '/', method: RequestMethod.GET }],
  });
  configureHttp(app, config);
  serveWorkspace(app, options.webRoot);
  serveOpenApi(app);
  return app;
}

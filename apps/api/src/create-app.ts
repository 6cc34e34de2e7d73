import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { PortfolioConfig } from '@portfolio/application';
import { AppModule } from './app.module';

/** The HTTP application exactly as it runs in production; tests start it through here too. */
export async function createApp(
  config: PortfolioConfig,
  options: { logger?: false } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: options.logger,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}

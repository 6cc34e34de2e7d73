import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, describeStore, loadConfig } from '@portfolio/application';
import { join } from 'node:path';
import { createApp } from './create-app';
import { closeGracefullyOnSignal } from './graceful-shutdown';
import { hostAndPort, listen } from './listen';
import { isOperatorError, ServiceLogger } from './start-up-errors';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  // dist/apps/api/src/main.js: the workspace is built beside, into dist/web.
  const webRoot = join(__dirname, '..', '..', '..', 'web');
  const app = await createApp(config, { startupLogger: new ServiceLogger(), webRoot });
  closeGracefullyOnSignal(app, config.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
  await listen(app, config);
  const where =
    config.host === undefined ? `localhost:${config.port} (every interface)` : hostAndPort(config.host, config.port);
  new Logger('Main').log(`portfolio-ledger listening on http://${where} (${describeStore(config.store)})`);
}

main().catch((error: unknown) => {
  console.error(isOperatorError(error) ? error.message : error);
  process.exit(1);
});

import 'reflect-metadata';
import { ConfigError, loadConfig } from '@portfolio/application';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  const app = await createApp(config);
  await app.listen(config.port);
  const where = config.store.kind === 'sqlite' ? config.store.file : `PostgreSQL schema ${config.store.schema}`;
  console.log(`portfolio-ledger listening on http://localhost:${config.port} (store: ${config.store.kind}, ${where})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { freePort, startService, type ServiceProcess } from '../../test/support/service-process';
import type { BenchTarget } from '../support/bench-target';

export const BENCH_TOKEN = 'e40ZTRd4AI4tqeQ69wDT_uyoApttNIuUci56bHopgYA';

/** The built service (`npm start`) on a benchmark target, with one programme-office token. */
export async function startBenchService(target: BenchTarget): Promise<{ service: ServiceProcess; seconds: number }> {
  const env: Record<string, string> = {
    PORTFOLIO_DATA_DIR: target.dataDir,
    PORTFOLIO_API_TOKENS: `programme-office:${BENCH_TOKEN}`,
    ...(target.store.kind === 'postgres'
      ? {
          PORTFOLIO_STORE: 'postgres',
          DATABASE_URL: target.store.databaseUrl,
          PORTFOLIO_PG_SCHEMA: target.store.schema,
        }
      : { PORTFOLIO_STORE: 'sqlite' }),
  };
  const port = await freePort();
  const start = process.hrtime.bigint();
  const service = await startService(port, env);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!(await fetch(`${service.url}/health/ready`)).ok) {
    await service.kill();
    throw new Error('the service did not become ready');
  }
  return { service, seconds };
}

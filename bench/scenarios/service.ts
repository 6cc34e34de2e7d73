import { randomBytes } from 'node:crypto';
import { freePort, startService, type ServiceProcess } from '../../test/support/service-process';
import type { BenchTarget } from '../support/bench-target';

export const BENCH_TOKEN = 'e40ZTRd4AI4tqeQ69wDT_uyoApttNIuUci56bHopgYA';

const freshToken = (): string => randomBytes(32).toString('base64url');
/** The other roles the bench acts in, with tokens made afresh for each run of the bench. */
export const BENCH_ROLE_TOKENS = { admin: freshToken(), auditor: freshToken(), reviewer: freshToken() } as const;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
/** What the responsiveness scenario acts with. */
export const BENCH_OPERATORS = {
  operators: { admin: bearer(BENCH_ROLE_TOKENS.admin), auditor: bearer(BENCH_ROLE_TOKENS.auditor) },
  reader: bearer(BENCH_ROLE_TOKENS.reviewer),
};

/** The settings of the service (and of the command line) on a benchmark target, with a token for each role. */
export function benchServiceEnv(target: BenchTarget): Record<string, string> {
  return {
    PORTFOLIO_DATA_DIR: target.dataDir,
    PORTFOLIO_API_TOKENS: [
      `programme-office:${BENCH_TOKEN}`,
      ...Object.entries(BENCH_ROLE_TOKENS).map(([role, token]) => `${role}:${token}`),
    ].join(','),
    ...(target.store.kind === 'postgres'
      ? {
          PORTFOLIO_STORE: 'postgres',
          DATABASE_URL: target.store.databaseUrl,
          PORTFOLIO_PG_SCHEMA: target.store.schema,
        }
      : { PORTFOLIO_STORE: 'sqlite' }),
  };
}

/** The built service (`npm start`) on a benchmark target, with a token for each role. */
export async function startBenchService(target: BenchTarget): Promise<{ service: ServiceProcess; seconds: number }> {
  const env = benchServiceEnv(target);
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

import { isAbsolute, join, resolve } from 'node:path';
import type { PortfolioConfig, StoreConfig } from './portfolio-config';

/** One or more environment variables have unusable values; the message names each of them. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const STORES = ['sqlite', 'postgres'] as const;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535 (got "${raw}")`);
  }
  return port;
}

function parseStore(env: Env, dataDir: string, problems: string[]): StoreConfig | undefined {
  const kind = value(env, 'PORTFOLIO_STORE') ?? 'sqlite';
  if (kind === 'sqlite') return { kind, file: join(dataDir, 'portfolio.sqlite') };
  if (kind === 'postgres') {
    const databaseUrl = value(env, 'DATABASE_URL');
    const schema = value(env, 'PORTFOLIO_PG_SCHEMA') ?? 'public';
    if (databaseUrl === undefined) problems.push('DATABASE_URL is required when PORTFOLIO_STORE=postgres');
    else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string');
    }
    if (!SCHEMA_NAME.test(schema)) {
      problems.push(`PORTFOLIO_PG_SCHEMA must be a lower-case SQL identifier (got "${schema}")`);
    }
    return databaseUrl === undefined ? undefined : { kind, databaseUrl, schema };
  }
  problems.push(`PORTFOLIO_STORE must be one of ${STORES.join(', ')} (got "${kind}")`);
  return undefined;
}

/** Reads and validates the environment once at start; throws ConfigError naming every bad variable. */
export function loadConfig(env: Env, cwd: string): PortfolioConfig {
  const problems: string[] = [];
  const port = parsePort(value(env, 'PORT'), problems);
  const rawDataDir = value(env, 'PORTFOLIO_DATA_DIR') ?? './data';
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir);
  const store = parseStore(env, dataDir, problems);
  if (problems.length > 0 || store === undefined) throw new ConfigError(problems);
  return { port, dataDir, store };
}

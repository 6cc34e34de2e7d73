import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  parseLogLevel,
  type ApiTokenConfig,
  type LogLevel,
  type PortfolioConfig,
  type Role,
  type StoreConfig,
} from '@portfolio/application';
import { createApp, type AppOptions } from '../../apps/api/src/create-app';
import { testDatabaseUrl } from '../../libs/event-store/src/testing/test-database-url';
import { checkResponsesAgainstOpenApi } from './response-contract';

/** The stores the e2e suites run on: both that CI can start (no KurrentDB server runs there). */
export type StoreKind = 'sqlite' | 'postgres';

/** Both SQL stores: every end-to-end suite runs once per store. */
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** One API token per role, as PORTFOLIO_API_TOKENS would configure them. */
export const TOKENS: Readonly<Record<Role, string>> = {
  admin: 'wS-9efq3VRhKaeJMuPHr_QVWYiJwvm3r4E47FaAYMD0',
  'programme-office': 'FeO0TZ4c0YG3NFp658gPvIzmFrkZZUxi13T6sEDribs',
  auditor: 'PuEUaR1YfFGPVjoy-BGZmj1hBTDkhH3wc6Uombh__2Y',
  reviewer: 'TxOlKB2GJ6uAfhTVpRh-ymzQajjnEOWK8ogSxUVkJX4',
};

/**
 * The headers of a caller with this role: its Authorization, and an Accept-Language of English, the language the
 * suites assert texts in (test/language.e2e-spec.ts covers French, the API's default).
 */
export function bearer(role: Role): { Authorization: string; 'Accept-Language': string } {
  return { Authorization: `Bearer ${TOKENS[role]}`, 'Accept-Language': 'en' };
}

/** The headers of a JSON request by a caller with this role, for `fetch` against a service process. */
export function jsonRequestHeaders(role: Role): Record<string, string> {
  return { ...bearer(role), 'Content-Type': 'application/json' };
}

/** A token as PORTFOLIO_API_TOKENS configures it: its role and the SHA-256 of the token. */
export function apiToken(role: Role, token: string): ApiTokenConfig {
  return { role, sha256: createHash('sha256').update(token, 'utf8').digest('hex') };
}

/** TOKENS as startTestApp configures them. */
export const API_TOKENS: readonly ApiTokenConfig[] = Object.entries(TOKENS).map(([role, token]) =>
  apiToken(role as Role, token),
);

/** TOKENS as the PORTFOLIO_API_TOKENS of a service process. */
export const API_TOKENS_VARIABLE = Object.entries(TOKENS)
  .map(([role, token]) => `${role}:${token}`)
  .join(',');

/** Quiet unless PORTFOLIO_LOG_LEVEL asks for the log (a failing test is reported by Jest either way). */
function testLogLevel(): LogLevel {
  const problems: string[] = [];
  const raw = process.env.PORTFOLIO_LOG_LEVEL;
  const level = raw === undefined ? undefined : parseLogLevel(raw, problems);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return level ?? 'silent';
}

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly config: PortfolioConfig;
  close(): Promise<void>;
}

/** Starts the real application on a fresh, empty store (a temporary directory, or a PostgreSQL schema of its own). */
export async function startTestApp(
  kind: StoreKind,
  overrides: Partial<PortfolioConfig> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portfolio-e2e-'));
  const schema = `e2e_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const store: StoreConfig =
    kind === 'sqlite'
      ? { kind, file: join(dataDir, 'portfolio.sqlite') }
      : { kind, databaseUrl: testDatabaseUrl(), schema };
  const auth = { kind: 'credentials', apiTokens: API_TOKENS } as const;
  const config: PortfolioConfig = { port: 0, dataDir, store, auth, logLevel: testLogLevel(), ...overrides };
  const app = await createApp(config, options);
  checkResponsesAgainstOpenApi(app);
  await app.init();
  return {
    app,
    config,
    close: async () => {
      await app.close();
      if (kind === 'postgres') {
        const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

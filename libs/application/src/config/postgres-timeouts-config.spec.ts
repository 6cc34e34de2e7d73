import { parsePostgresTimeoutsConfig } from './postgres-timeouts-config';

describe('parsePostgresTimeoutsConfig', () => {
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parsePostgresTimeoutsConfig(env, problems), problems };
  };

  it('leaves every bound to its default when unset', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it('reads the bounds, the others keeping their defaults', () => {
    expect(parse({ PORTFOLIO_PG_CONNECT_TIMEOUT_MS: '2000', PORTFOLIO_PROJECTION_STALL_MS: '3000' })).toEqual({
      config: {
        postgresTimeouts: { connectMs: 2000, statementMs: 30_000, keepAliveDelayMs: 10_000 },
        projectionStallMs: 3000,
      },
      problems: [],
    });
  });

  it('takes a statement timeout of 0: no statement bound', () => {
    expect(parse({ PORTFOLIO_PG_STATEMENT_TIMEOUT_MS: '0' }).config.postgresTimeouts?.statementMs).toBe(0);
  });

  it.each([
    ['PORTFOLIO_PG_CONNECT_TIMEOUT_MS', '0'],
    ['PORTFOLIO_PG_CONNECT_TIMEOUT_MS', '5s'],
    ['PORTFOLIO_PG_KEEPALIVE_MS', '99'],
    ['PORTFOLIO_PROJECTION_STALL_MS', '86400001'],
    ['PORTFOLIO_PG_STATEMENT_TIMEOUT_MS', '-1'],
  ])('refuses %s=%j', (name, raw) => {
    expect(parse({ [name]: raw }).problems).toEqual([expect.stringContaining(`${name} must be a whole number`)]);
  });
});

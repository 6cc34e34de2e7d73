import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite store under ./data on port 3000, with development tokens', () => {
    expect(loadConfig({}, '/srv/app')).toEqual({
      port: 3000,
      dataDir: '/srv/app/data',
      store: { kind: 'sqlite', file: '/srv/app/data/portfolio.sqlite' },
      auth: { kind: 'dev-tokens', file: '/srv/app/data/dev-tokens.json' },
    });
  });

  it('reads PostgreSQL settings', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        PORTFOLIO_STORE: 'postgres',
        DATABASE_URL: 'postgres://u@db/ledger',
        PORTFOLIO_PG_SCHEMA: 'ledger',
        PORTFOLIO_API_TOKENS: 'admin:oNuZ0_MEz3bowLk6aauUREnr10QAWQ6BK3zDSSsz8Uw',
      },
      '/srv',
    );
    expect(config.port).toBe(8080);
    expect(config.store).toEqual({ kind: 'postgres', databaseUrl: 'postgres://u@db/ledger', schema: 'ledger' });
  });

  it('reads production mode: events in a KurrentDB cluster, read models in PostgreSQL', () => {
    const config = loadConfig(
      {
        PORTFOLIO_STORE: 'kurrentdb',
        KURRENTDB_URL: 'kurrentdb+discover://node1:2113,node2:2113,node3:2113?tls=false',
        DATABASE_URL: 'postgres://u@db/ledger',
        PORTFOLIO_API_TOKENS: 'admin:oNuZ0_MEz3bowLk6aauUREnr10QAWQ6BK3zDSSsz8Uw',
      },
      '/srv',
    );
    expect(config.store).toEqual({
      kind: 'kurrentdb',
      kurrentDbUrl: 'kurrentdb+discover://node1:2113,node2:2113,node3:2113?tls=false',
      readModels: { databaseUrl: 'postgres://u@db/ledger', schema: 'public' },
    });
  });

  it('reads the trusted proxies, and refuses a bad setting at start', () => {
    expect(loadConfig({ PORTFOLIO_TRUST_PROXY: '1' }, '/srv').trustProxy).toBe(1);
    expect(() => loadConfig({ PORTFOLIO_TRUST_PROXY: 'yes' }, '/srv')).toThrow(/PORTFOLIO_TRUST_PROXY must be/);
  });

  it('refuses development tokens in production mode', () => {
    const env = { PORTFOLIO_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k:2113', DATABASE_URL: 'postgres://db/x' };
    expect(() => loadConfig(env, '/srv')).toThrow(/PORTFOLIO_API_TOKENS or PORTFOLIO_OIDC_ISSUER/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORTFOLIO_STORE: 'kurrentdb', DATABASE_URL: 'postgres://db/x' }, 'KURRENTDB_URL'],
    [
      { PORTFOLIO_STORE: 'kurrentdb', KURRENTDB_URL: 'http://k:2113', DATABASE_URL: 'postgres://db/x' },
      'KURRENTDB_URL',
    ],
    [{ PORTFOLIO_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k:2113' }, 'DATABASE_URL'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORTFOLIO_HOST: '127.0.0.1:3000' }, 'PORTFOLIO_HOST'],
    [{ PORTFOLIO_REQUEST_TIMEOUT_MS: '1m' }, 'PORTFOLIO_REQUEST_TIMEOUT_MS'],
    [{ PORTFOLIO_STORE: 'mongodb' }, 'PORTFOLIO_STORE'],
    [{ PORTFOLIO_STORE: 'postgres' }, 'DATABASE_URL'],
    [{ PORTFOLIO_STORE: 'postgres', DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [
      { PORTFOLIO_STORE: 'postgres', DATABASE_URL: 'postgres://x', PORTFOLIO_PG_SCHEMA: 'Robert"; DROP' },
      'PORTFOLIO_PG_SCHEMA',
    ],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env, '/srv')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/srv')).toThrow(variable);
  });

  it('reads the address to listen on and the request timeout', () => {
    expect(loadConfig({ PORTFOLIO_HOST: '127.0.0.1', PORTFOLIO_REQUEST_TIMEOUT_MS: '5000' }, '/srv')).toMatchObject({
      host: '127.0.0.1',
      requestTimeoutMs: 5000,
    });
  });

  it('resolves a configured signing key file against the working directory', () => {
    expect(loadConfig({ PORTFOLIO_SIGNING_KEY_FILE: 'keys/seal.pem' }, '/srv').signingKeyFile).toBe(
      '/srv/keys/seal.pem',
    );
    expect(loadConfig({}, '/srv').signingKeyFile).toBeUndefined();
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', PORTFOLIO_STORE: 'oracle' }, '/srv');
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});

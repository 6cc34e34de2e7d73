import { parseHttpServerConfig } from './http-server-config';

describe('parseHttpServerConfig', () => {
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parseHttpServerConfig(env, problems), problems };
  };

  it('leaves the address and the request timeout to their defaults when unset or blank', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
    expect(parse({ PORTFOLIO_HOST: ' ', PORTFOLIO_REQUEST_TIMEOUT_MS: '' })).toEqual({ config: {}, problems: [] });
  });

  it.each(['127.0.0.1', '0.0.0.0', '::', '::1', 'fd00::2', 'localhost', 'api.internal', 'ledger-1.example.gouv.fr'])(
    'reads the address %j',
    (host) => {
      expect(parse({ PORTFOLIO_HOST: host })).toEqual({ config: { host }, problems: [] });
    },
  );

  it.each(['http://127.0.0.1', '127.0.0.1:3000', '[::1]', 'not a host', '-leading.hyphen', 'under_score', 'a..b'])(
    'refuses the address %j',
    (host) => {
      expect(parse({ PORTFOLIO_HOST: host }).problems).toEqual([
        `PORTFOLIO_HOST must be an IPv4 or IPv6 address (e.g. 127.0.0.1, 0.0.0.0, ::) or a host name (got "${host}")`,
      ]);
    },
  );

  it('reads a request timeout', () => {
    expect(parse({ PORTFOLIO_REQUEST_TIMEOUT_MS: '30000' })).toEqual({
      config: { requestTimeoutMs: 30000 },
      problems: [],
    });
  });

  it.each(['30s', '-5', '999', '600001', '1.5'])('refuses the request timeout %j', (timeout) => {
    expect(parse({ PORTFOLIO_REQUEST_TIMEOUT_MS: timeout }).problems).toEqual([
      `PORTFOLIO_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 600000 (got "${timeout}")`,
    ]);
  });
});

import { parseCheckpointConfig } from './checkpoint-config';

describe('parseCheckpointConfig', () => {
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parseCheckpointConfig(env, problems), problems };
  };

  it('leaves both settings to their defaults when unset', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it('reads an origin and an interval', () => {
    expect(
      parse({ PORTFOLIO_LOG_ORIGIN: 'ledger.example.gouv.fr/portfolio', PORTFOLIO_CHECKPOINT_INTERVAL_MS: '2500' }),
    ).toEqual({ config: { logOrigin: 'ledger.example.gouv.fr/portfolio', checkpointIntervalMs: 2500 }, problems: [] });
  });

  it.each(['ledger example', 'ledger+example', 'https://ledger.example.gouv.fr'])('refuses the origin %j', (origin) => {
    expect(parse({ PORTFOLIO_LOG_ORIGIN: origin }).problems).toEqual([
      expect.stringContaining(`PORTFOLIO_LOG_ORIGIN must be a schema-less URL-like name`),
    ]);
  });

  it.each(['10s', '-5', '99', '86400001', '1.5'])('refuses the interval %j', (interval) => {
    expect(parse({ PORTFOLIO_CHECKPOINT_INTERVAL_MS: interval }).problems).toEqual([
      `PORTFOLIO_CHECKPOINT_INTERVAL_MS must be a whole number of milliseconds from 100 to 86400000 (got "${interval}")`,
    ]);
  });
});

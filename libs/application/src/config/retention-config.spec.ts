import { parseRetentionConfig } from './retention-config';

describe('parseRetentionConfig', () => {
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parseRetentionConfig(env, problems), problems };
  };

  it('keeps identities until erased when unset', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it('reads a retention and an interval', () => {
    expect(parse({ PORTFOLIO_RETENTION_IDENTITY_DAYS: '365', PORTFOLIO_RETENTION_INTERVAL_MS: '60000' })).toEqual({
      config: { retentionIdentityDays: 365, retentionIntervalMs: 60_000 },
      problems: [],
    });
  });

  it.each(['0', '1y', '-3', '36501', '1.5'])('refuses the retention %j', (days) => {
    expect(parse({ PORTFOLIO_RETENTION_IDENTITY_DAYS: days }).problems).toEqual([
      `PORTFOLIO_RETENTION_IDENTITY_DAYS must be a whole number of days from 1 to 36500 (got "${days}")`,
    ]);
  });

  it.each(['99', '1h', '86400001'])('refuses the interval %j', (interval) => {
    expect(parse({ PORTFOLIO_RETENTION_INTERVAL_MS: interval }).problems).toEqual([
      `PORTFOLIO_RETENTION_INTERVAL_MS must be a whole number of milliseconds from 100 to 86400000 (got "${interval}")`,
    ]);
  });
});

import { parseShutdownConfig } from './shutdown-config';

describe('parseShutdownConfig', () => {
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parseShutdownConfig(env, problems), problems };
  };

  it('leaves the timeout to its default when unset', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it('reads a timeout', () => {
    expect(parse({ PORTFOLIO_SHUTDOWN_TIMEOUT_MS: '25000' })).toEqual({
      config: { shutdownTimeoutMs: 25000 },
      problems: [],
    });
  });

  it.each(['10s', '-5', '999', '600001', '1.5'])('refuses the timeout %j', (timeout) => {
    expect(parse({ PORTFOLIO_SHUTDOWN_TIMEOUT_MS: timeout }).problems).toEqual([
      `PORTFOLIO_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 600000 (got "${timeout}")`,
    ]);
  });
});

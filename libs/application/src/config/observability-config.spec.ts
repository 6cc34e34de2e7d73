import { generateApiToken, tokenDigest } from './auth-config';
import { parseObservabilityConfig } from './observability-config';
import type { AuthConfig } from './portfolio-config';

describe('parseObservabilityConfig', () => {
  const scraperToken = generateApiToken();
  const adminToken = generateApiToken();
  const auth: AuthConfig = { kind: 'credentials', apiTokens: [{ role: 'admin', sha256: tokenDigest(adminToken) }] };
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parseObservabilityConfig(env, auth, problems), problems };
  };

  it('leaves the log level to its default and the metrics closed when unset', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it.each(['silent', 'error', 'info', 'debug', 'trace'])('reads the log level %s', (level) => {
    expect(parse({ PORTFOLIO_LOG_LEVEL: level })).toEqual({ config: { logLevel: level }, problems: [] });
  });

  it.each(['INFO', 'verbose', '30'])('refuses the log level %j', (level) => {
    expect(parse({ PORTFOLIO_LOG_LEVEL: level }).problems).toEqual([
      `PORTFOLIO_LOG_LEVEL must be one of silent, fatal, error, warn, info, debug, trace (got "${level}")`,
    ]);
  });

  it('keeps only the digest of the metrics token', () => {
    const { config, problems } = parse({ PORTFOLIO_METRICS_TOKEN: scraperToken });
    expect(problems).toEqual([]);
    expect(config).toEqual({ metricsTokenSha256: tokenDigest(scraperToken) });
    expect(JSON.stringify(config)).not.toContain(scraperToken);
  });

  it('refuses a guessable metrics token without quoting it', () => {
    const { config, problems } = parse({ PORTFOLIO_METRICS_TOKEN: 'prometheus-metrics-2026' });
    expect(config).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORTFOLIO_METRICS_TOKEN: a token must hold at least 128 bits of entropy/);
    expect(problems[0]).not.toContain('prometheus-metrics-2026');
  });

  it('refuses a metrics token that is also an API token', () => {
    expect(parse({ PORTFOLIO_METRICS_TOKEN: adminToken }).problems).toEqual([
      'PORTFOLIO_METRICS_TOKEN must not be one of the PORTFOLIO_API_TOKENS: give the scraper a token of its own',
    ]);
  });
});

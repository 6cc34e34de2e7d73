import { parseEventStreamConfig } from './event-stream-config';

describe('parseEventStreamConfig', () => {
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { config: parseEventStreamConfig(env, problems), problems };
  };

  it('leaves the bound and the heartbeat to their defaults when unset', () => {
    expect(parse({})).toEqual({ config: {}, problems: [] });
  });

  it('reads both', () => {
    expect(parse({ PORTFOLIO_EVENT_STREAMS_MAX: '250', PORTFOLIO_EVENT_STREAM_HEARTBEAT_MS: '30000' })).toEqual({
      config: { eventStreamsMax: 250, eventStreamHeartbeatMs: 30000 },
      problems: [],
    });
  });

  it.each(['0', '10001', '-1', '1.5', 'many'])('refuses the bound %j', (max) => {
    expect(parse({ PORTFOLIO_EVENT_STREAMS_MAX: max }).problems).toEqual([
      `PORTFOLIO_EVENT_STREAMS_MAX must be a whole number from 1 to 10000 (got "${max}")`,
    ]);
  });

  it.each(['99', '300001', '15s'])('refuses the heartbeat %j', (heartbeat) => {
    expect(parse({ PORTFOLIO_EVENT_STREAM_HEARTBEAT_MS: heartbeat }).problems).toEqual([
      `PORTFOLIO_EVENT_STREAM_HEARTBEAT_MS must be a whole number of milliseconds from 100 to 300000 (got "${heartbeat}")`,
    ]);
  });
});

import { parseTrustProxyConfig } from './trust-proxy-config';

describe('parseTrustProxyConfig', () => {
  const parse = (raw: string | undefined) => {
    const problems: string[] = [];
    return { config: parseTrustProxyConfig({ PORTFOLIO_TRUST_PROXY: raw }, problems), problems };
  };

  it.each([undefined, '', 'false'])('trusts no proxy for %j', (raw) => {
    expect(parse(raw)).toEqual({ config: {}, problems: [] });
  });

  it('reads a number of proxies', () => {
    expect(parse('2')).toEqual({ config: { trustProxy: 2 }, problems: [] });
  });

  it('reads addresses, subnets and subnet names', () => {
    expect(parse('10.0.0.0/8, 192.0.2.7,fd00::/8, ::1, loopback, uniquelocal')).toEqual({
      config: { trustProxy: ['10.0.0.0/8', '192.0.2.7', 'fd00::/8', '::1', 'loopback', 'uniquelocal'] },
      problems: [],
    });
  });

  it('refuses to trust every proxy, which would let clients choose their own address', () => {
    expect(parse('true').problems).toEqual([expect.stringContaining('"true" would let every client choose')]);
  });

  it.each([
    ['0', '(got "0")'],
    ['33', '(got "33")'],
    ['proxy.internal', '"proxy.internal" is not an address'],
    ['10.0.0.0/33', '"10.0.0.0/33" needs a prefix length from 0 to 32'],
    ['fd00::/129', '"fd00::/129" needs a prefix length from 0 to 128'],
    ['10.0.0.0/255.0.0.0', 'needs a prefix length'],
    ['10.0.0.1,,10.0.0.2', '"" is not an address'],
    ['10.0.0.0/8/8', 'is not an address'],
  ])('refuses %j', (raw, detail) => {
    const { config, problems } = parse(raw);
    expect(config).toEqual({});
    expect(problems).toEqual([expect.stringMatching(/^PORTFOLIO_TRUST_PROXY must be false, the number of proxies/)]);
    expect(problems[0]).toContain(detail);
  });
});

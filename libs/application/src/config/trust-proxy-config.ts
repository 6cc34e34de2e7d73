import { isIP } from 'node:net';
import { value, type Env } from './env';

// PORTFOLIO_TRUST_PROXY: which reverse proxies may tell the client's address in X-Forwarded-For (Express's
// `trust proxy`). The address is what failed authentications are counted against, and what the logs show.

/**
 * Express's `trust proxy`: the number of proxies in front of the service (the client is that many hops back in
 * X-Forwarded-For), or the addresses and subnets of the trusted proxies. Absent: nothing is trusted, the client is
 * the socket's peer.
 */
export type TrustProxy = number | readonly string[];

export interface TrustProxyConfig {
  readonly trustProxy?: TrustProxy;
}

/** The subnet names Express (proxy-addr) knows. */
const SUBNET_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 32;
const HOW =
  'PORTFOLIO_TRUST_PROXY must be false, the number of proxies in front of the service (1 to 32), or a ' +
  'comma-separated list of proxy addresses, CIDR subnets, loopback, linklocal or uniquelocal';

/** Why an entry is not an address, a CIDR subnet (by prefix length) or a subnet name; undefined when it is one. */
function proxyEntryProblem(entry: string): string | undefined {
  if (SUBNET_NAMES.has(entry)) return undefined;
  const [address, prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return `"${entry}" is not an address`;
  if (prefix === undefined) return undefined;
  const bits = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
    return `"${entry}" needs a prefix length from 0 to ${bits}`;
  }
  return undefined;
}

export function parseTrustProxyConfig(env: Env, problems: string[]): TrustProxyConfig {
  const raw = value(env, 'PORTFOLIO_TRUST_PROXY');
  if (raw === undefined || raw === 'false') return {};
  if (raw === 'true') {
    // Trusting every hop lets any client name its own address in X-Forwarded-For, and so dodge the throttle.
    problems.push(`${HOW}; "true" would let every client choose its own address`);
    return {};
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > MAX_HOPS) problems.push(`${HOW} (got "${raw}")`);
    return hops < 1 || hops > MAX_HOPS ? {} : { trustProxy: hops };
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const entryProblems = entries.flatMap((entry) => proxyEntryProblem(entry) ?? []);
  if (entryProblems.length > 0) {
    problems.push(`${HOW}: ${entryProblems.join(', ')}`);
    return {};
  }
  return { trustProxy: entries };
}

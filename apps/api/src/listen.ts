import type { INestApplication } from '@nestjs/common';
import { ConfigError, type PortfolioConfig } from '@portfolio/application';

const WHY_NOT: Readonly<Record<string, string>> = {
  EADDRNOTAVAIL: 'no interface of this machine has that address (PORTFOLIO_HOST)',
  ENOTFOUND: 'that host name does not resolve (PORTFOLIO_HOST)',
  EAI_AGAIN: 'that host name does not resolve (PORTFOLIO_HOST)',
  EADDRINUSE: 'another process listens on that port (PORT)',
  EACCES: 'this process may not listen on that port (PORT): below 1024 takes privileges',
};

/** host:port as a URL writes it: an IPv6 address in brackets. */
export function hostAndPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Listens on PORTFOLIO_HOST (every interface when unset, as Node does by default) and PORT. An address the process
 * cannot listen on is a start-up error that says which and why, as a bad variable is.
 */
export async function listen(app: INestApplication, config: Pick<PortfolioConfig, 'host' | 'port'>): Promise<void> {
  try {
    await (config.host === undefined ? app.listen(config.port) : app.listen(config.port, config.host));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = WHY_NOT[code] ?? (error instanceof Error ? error.message : String(error));
    throw new ConfigError([`cannot listen on ${hostAndPort(config.host ?? '*', config.port)}: ${why}`]);
  }
}

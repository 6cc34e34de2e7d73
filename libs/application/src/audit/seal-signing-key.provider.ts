import { Logger, type FactoryProvider } from '@nestjs/common';
import { openSigningKey, publicKeyFingerprint } from '@portfolio/audit';
import type { KeyObject } from 'node:crypto';
import type { PortfolioConfig } from '../config/portfolio-config';
import { PORTFOLIO_CONFIG } from '../event-store/event-store.module';

/** Injection token of the instance's Ed25519 seal key (a KeyObject), read once when the module starts. */
export const SEAL_SIGNING_KEY = Symbol('SealSigningKey');

export const sealSigningKeyProvider: FactoryProvider<Promise<KeyObject>> = {
  provide: SEAL_SIGNING_KEY,
  inject: [PORTFOLIO_CONFIG],
  useFactory: async (config: PortfolioConfig) => {
    const { key, path, created, tightenedFrom } = await openSigningKey({
      file: config.signingKeyFile,
      dataDir: config.dataDir,
    });
    const logger = new Logger('SigningKey');
    if (created) logger.log(`generated the seal signing key ${path} (${publicKeyFingerprint(key)}): back it up`);
    if (tightenedFrom !== undefined) {
      logger.warn(
        `the seal signing key ${path} was open to group or others (mode 0${tightenedFrom.toString(8)}): ` +
          'made it 0600 (whoever could read it could sign seals)',
      );
    }
    return key;
  },
};

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { loadOrCreateSigningKey, publicKeyFingerprint, publicKeyPem, signingKeyFromPem } from '@portfolio/audit';
import { readFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import type { PortfolioConfig } from '../config/portfolio-config';
import { PORTFOLIO_CONFIG } from '../event-store/event-store.module';

/** What an auditor needs to check seals: the SPKI PEM and its fingerprint. */
export interface PublicKeyDocument {
  readonly algorithm: 'Ed25519';
  readonly publicKeyPem: string;
  readonly fingerprint: string;
}

/**
 * The instance's Ed25519 seal key (ARCHITECTURE §8): the configured PEM file, else `<dataDir>/seal-signing-key.pem`,
 * generated on first start.
 */
@Injectable()
export class SigningKeyService implements OnModuleInit {
  private readonly logger = new Logger('SigningKey');
  private loaded: KeyObject | undefined;

  constructor(@Inject(PORTFOLIO_CONFIG) private readonly config: PortfolioConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.signingKeyFile !== undefined) {
      // A configured key must exist: generating one here would fork the instances' signatures.
      this.loaded = signingKeyFromPem(await readFile(this.config.signingKeyFile, 'utf8'));
      return;
    }
    const { key, path, created } = await loadOrCreateSigningKey(this.config.dataDir);
    this.loaded = key;
    if (created) {
      this.logger.log(`generated the seal signing key ${path} (${publicKeyFingerprint(key)}): back it up`);
    }
  }

  get key(): KeyObject {
    if (this.loaded === undefined) throw new Error('the signing key is read when the module starts');
    return this.loaded;
  }

  publicKey(): PublicKeyDocument {
    return { algorithm: 'Ed25519', publicKeyPem: publicKeyPem(this.key), fingerprint: publicKeyFingerprint(this.key) };
  }
}

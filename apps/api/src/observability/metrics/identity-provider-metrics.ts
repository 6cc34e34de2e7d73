import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { CredentialVerifier } from '../../auth/credential-verifier';
import { METRICS_REGISTRY } from './metrics-registry';

/**
 * Failed requests to the OpenID Connect identity provider (discovery or JWKS), read from the credential verifier when
 * Prometheus scrapes: while they grow, JWTs are refused and the provider is retried with backoff.
 */
@Injectable()
export class IdentityProviderMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, verifier: CredentialVerifier) {
    new Counter({
      name: 'portfolio_identity_provider_failures_total',
      help: 'failed requests to the OpenID Connect identity provider (discovery or JWKS) since start',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(verifier.identityProviderFailures);
      },
    });
  }
}

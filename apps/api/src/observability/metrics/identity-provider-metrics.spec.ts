import { Registry } from 'prom-client';
import { CredentialVerifier } from '../../auth/credential-verifier';
import { IdentityProviderBackoff } from '../../auth/identity-provider-backoff';
import { IdentityProviderMetrics } from './identity-provider-metrics';

const ISSUER = 'https://idp.example.gouv.fr';
// Well-formed enough to reach the identity provider: a JWT's three parts, the header naming a key.
const JWT = [
  { alg: 'ES256', kid: 'k1', typ: 'JWT' },
  { iss: ISSUER, sub: 'agent-1' },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('c2lnbmF0dXJl')
  .join('.');

describe('IdentityProviderMetrics', () => {
  it("counts the identity provider's failed requests at scrape time", async () => {
    let clock = 0;
    const verifier = new CredentialVerifier(
      {
        kind: 'credentials',
        apiTokens: [],
        oidc: { issuer: ISSUER, audience: 'portfolio', rolesClaim: 'roles', maxTokenAgeSeconds: 3600 },
      },
      {
        fetch: async () => {
          throw new TypeError('fetch failed');
        },
        backoff: new IdentityProviderBackoff({ clock: { now: () => clock } }),
      },
    );
    const registry = new Registry();
    new IdentityProviderMetrics(registry, verifier);
    const scraped = async () =>
      (await registry.getSingleMetricAsString('portfolio_identity_provider_failures_total'))
        .split('\n')
        .find((line) => line.startsWith('portfolio_identity_provider_failures_total '));

    expect(await scraped()).toBe('portfolio_identity_provider_failures_total 0');
    await verifier.authenticate(`Bearer ${JWT}`).catch(() => undefined);
    clock += 60_000;
    await verifier.authenticate(`Bearer ${JWT}`).catch(() => undefined);
    expect(await scraped()).toBe('portfolio_identity_provider_failures_total 2');
  });
});

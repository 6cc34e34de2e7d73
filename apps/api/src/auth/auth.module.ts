import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { resolveAuth, type PortfolioConfig } from '@portfolio/application';
import { AuthFailureThrottle, type AuthThrottleOptions } from './auth-failure-throttle';
import { AuthGuard } from './auth.guard';
import { CredentialVerifier } from './credential-verifier';
import { IdentityProviderBackoff, type BackoffOptions } from './identity-provider-backoff';
import { OIDC_SIGN_IN } from './oidc-sign-in.token';
import { OidcSignIn } from '../session/oidc-sign-in';

function createVerifier(config: AuthModuleConfig, backoff: IdentityProviderBackoff): CredentialVerifier {
  const logger = new Logger('Auth');
  // Writes <dataDir>/dev-tokens.json on first start of the embedded default when no credentials are configured.
  const resolved = resolveAuth(config.auth);
  if (resolved.devTokens !== undefined) {
    const { file, created } = resolved.devTokens;
    logger.log(
      `No PORTFOLIO_API_TOKENS or PORTFOLIO_OIDC_ISSUER configured: development API tokens, one per role, ` +
        `${created ? 'generated in' : 'read from'} ${file}`,
    );
  }
  return new CredentialVerifier(resolved.credentials, {
    warn: (message) => logger.warn(message),
    backoff,
  });
}

/** The ProConnect sign-in of the web workspace when configured, else null (then session cookies are ignored). */
function createSignIn(
  config: AuthModuleConfig,
  verifier: CredentialVerifier,
  backoff: IdentityProviderBackoff,
): OidcSignIn | null {
  const oidc = config.auth.kind === 'credentials' ? config.auth.oidc : undefined;
  if (oidc?.signIn === undefined) return null;
  if (oidc.signIn.sessionSecret === undefined) {
    new Logger('Auth').warn(
      'PORTFOLIO_SESSION_SECRET is not set: the ProConnect sign-in state is sealed with a key of this process, so ' +
        'a sign-in only completes on the instance that started it (set it when several instances serve the workspace)',
    );
  }
  return new OidcSignIn(oidc, oidc.signIn, verifier, { backoff });
}

/**
 * What AuthModule reads. `authThrottle` and `identityProviderBackoff` are not part of the validated configuration:
 * the service always runs with DEFAULT_AUTH_THROTTLE and DEFAULT_IDENTITY_PROVIDER_BACKOFF; tests pass other limits
 * or a clock along with the rest of the configuration.
 */
export type AuthModuleConfig = Pick<PortfolioConfig, 'auth'> & {
  readonly authThrottle?: Partial<AuthThrottleOptions>;
  readonly identityProviderBackoff?: Partial<BackoffOptions>;
};

/**
 * Authentication and roles for the whole application: registers AuthGuard as a global guard, so that every route
 * needs credentials unless @Public() and a role listed by @Roles() (see AuthGuard: deny by default).
 */
@Module({})
export class AuthModule {
  static forRoot(config: AuthModuleConfig): DynamicModule {
    // One backoff for every request to the identity provider: discovery, key set and sign-in alike.
    const backoff = new IdentityProviderBackoff(config.identityProviderBackoff);
    return {
      module: AuthModule,
      providers: [
        { provide: CredentialVerifier, useFactory: () => createVerifier(config, backoff) },
        {
          provide: OIDC_SIGN_IN,
          useFactory: (verifier: CredentialVerifier) => createSignIn(config, verifier, backoff),
          inject: [CredentialVerifier],
        },
        { provide: AuthFailureThrottle, useFactory: () => new AuthFailureThrottle(config.authThrottle) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [CredentialVerifier, AuthFailureThrottle, OIDC_SIGN_IN],
    };
  }
}

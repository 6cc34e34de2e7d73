// The web workspace's ProConnect sign-in: authorization code + PKCE, the service being the confidential client.
import { createHash, randomBytes } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { OidcConfig, OidcSignInConfig, Principal } from '@portfolio/application';
import {
  AuthenticationFailure,
  IdentityProviderUnavailable,
  NoRoleFailure,
  type CredentialVerifier,
} from '../auth/credential-verifier';
import { IdentityProviderBackoff, KeySetUnavailable } from '../auth/identity-provider-backoff';
import {
  describeError,
  discoverIssuer,
  IDENTITY_PROVIDER_TIMEOUT_MS,
  type Fetch,
  type IssuerMetadata,
} from '../auth/issuer-discovery';
import { SignInStateSeal, type SignInState } from './sealed-state';
import { SessionSeal } from './session-seal';
import { requestUserinfo } from './userinfo';

/** How long a person may take at the issuer: the sign-in cookie's life. */
export const SIGN_IN_TTL_SECONDS = 600;

/** Why a sign-in was refused, as the workspace's sign-in page names it (`/connexion?erreur=<reason>`). */
export type SignInRefusal = 'refusee' | 'etat' | 'echec' | 'role' | 'indisponible';

/** A sign-in that cannot complete; the message is for the log and never quotes a code, token or secret. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'SignInRefused';
  }
}

export interface StartedSignIn {
  readonly authorizationUrl: string;
  /** The sealed SignInState, for the sign-in cookie. */
  readonly sealedState: string;
}

export interface CompletedSignIn {
  /** The session credential: the principal sealed by the service, which every instance given the secret opens. */
  readonly sealedSession: string;
  readonly principal: Principal;
  /** Seconds the session lasts: the session cookie's Max-Age. */
  readonly maxAgeSeconds: number;
  readonly returnTo: string;
}

/** What the token endpoint answered that the sign-in uses. */
interface Tokens {
  readonly idToken: string;
  readonly accessToken: string | undefined;
}

/** What the issuer's redirect to the callback carries. */
export interface CallbackQuery {
  readonly iss?: unknown;
  readonly code?: unknown;
  readonly state?: unknown;
  readonly error?: unknown;
}

export interface OidcSignInOptions {
  readonly fetch?: Fetch;
  readonly backoff?: IdentityProviderBackoff;
  /** Seconds since the epoch. */
  readonly now?: () => number;
}

const random = (): string => randomBytes(32).toString('base64url');

/** Only a path of this origin: `//elsewhere` and `/\elsewhere` are other sites to a browser. */
export function safeReturnTo(raw: unknown): string {
  const ok = typeof raw === 'string' && /^\/(?![/\\])/.test(raw) && !/[\x00-\x20\\]/.test(raw) && raw.length <= 2048;
  return ok ? raw : '/';
}

/**
 * The authorization code flow with PKCE (RFC 7636, S256) for the web workspace, the service being the confidential
 * client: it sends the browser to the issuer, then exchanges the code with its client secret and verifies the ID
 * token (bearer JWT rules, plus the nonce). Framework-free; the controller only moves cookies and redirects.
 */
export class OidcSignIn {
  private readonly seal: SignInStateSeal;
  private readonly sessions: SessionSeal;
  private readonly fetchImpl: Fetch;
  private readonly backoff: IdentityProviderBackoff;
  private readonly now: () => number;
  private metadata: Promise<IssuerMetadata> | undefined;

  constructor(
    private readonly oidc: OidcConfig,
    private readonly client: OidcSignInConfig,
    private readonly verifier: CredentialVerifier,
    options: OidcSignInOptions = {},
  ) {
    this.seal = new SignInStateSeal(client.sessionSecret);
    this.sessions = new SessionSeal(client.sessionSecret, client.sessionMaxAgeSeconds);
    this.fetchImpl = options.fetch ?? fetch;
    this.backoff = options.backoff ?? new IdentityProviderBackoff();
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  /** The workspace's origin: that of the registered callback, as the browser sees the service. */
  get origin(): string {
    return new URL(this.client.redirectUrl).origin;
  }

  /** Cookies are Secure when the browser reaches the service over https. */
  get secure(): boolean {
    return new URL(this.client.redirectUrl).protocol === 'https:';
  }

  async start(returnTo: unknown): Promise<StartedSignIn> {
    const { authorizationEndpoint } = await this.endpoints();
    if (authorizationEndpoint === undefined) {
      throw new SignInRefused('indisponible', 'the issuer publishes no https authorization_endpoint');
    }
    const state: SignInState = {
      state: random(),
      nonce: random(),
      codeVerifier: random(),
      returnTo: safeReturnTo(returnTo),
      expiresAt: this.now() + SIGN_IN_TTL_SECONDS,
    };
    const url = new URL(authorizationEndpoint);
    const parameters = {
      response_type: 'code',
      client_id: this.client.clientId,
      redirect_uri: this.client.redirectUrl,
      scope: this.client.scopes,
      state: state.state,
      nonce: state.nonce,
      code_challenge: createHash('sha256').update(state.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    return { authorizationUrl: url.href, sealedState: this.seal.seal(state) };
  }

  /** Checks the callback against the sealed state, exchanges the code, verifies the ID token; throws SignInRefused. */
  async complete(query: CallbackQuery, sealedState: string | undefined): Promise<CompletedSignIn> {
    if (query.error !== undefined) {
      const denied = query.error === 'access_denied';
      throw new SignInRefused(
        denied ? 'refusee' : 'echec',
        `the issuer answered error=${String(query.error).slice(0, 64)}`,
      );
    }
    const signIn = this.seal.open(sealedState, this.now());
    if (signIn === undefined) throw new SignInRefused('etat', 'no sign-in in progress in this browser, or it expired');
    if (typeof query.state !== 'string' || query.state !== signIn.state) {
      throw new SignInRefused('etat', 'the state of the callback is not the one this browser was sent with');
    }
    // RFC 9207: an answer that names another issuer was meant for another sign-in (mix-up attack).
    if (query.iss !== undefined && query.iss !== this.oidc.issuer) {
      throw new SignInRefused('etat', 'the callback names another issuer');
    }
    if (typeof query.code !== 'string' || query.code === '') {
      throw new SignInRefused('echec', 'the callback has no code');
    }
    const principal = await this.principalOf(await this.exchange(query.code, signIn.codeVerifier), signIn.nonce);
    const { maxAgeSeconds } = this.sessions;
    return {
      sealedSession: this.sessions.seal(principal, this.now()),
      principal,
      maxAgeSeconds,
      returnTo: signIn.returnTo,
    };
  }

  /** The principal of a session cookie that this service sealed and that has not expired, else undefined. */
  openSession(sealedSession: string | undefined): Principal | undefined {
    return this.sessions.open(sealedSession, this.now());
  }

  /**
   * The person who signed in: the ID token's claims (nonce checked) overlaid by the UserInfo's, where ProConnect
   * puts the name, e-mail and organisation. The UserInfo must be about the ID token's subject (OIDC Core §5.3.2).
   */
  private async principalOf(tokens: Tokens, nonce: string): Promise<Principal> {
    try {
      const claims = await this.verifier.verifiedIdToken(tokens.idToken, nonce);
      const userinfo = await this.userinfoClaims(tokens.accessToken);
      if (userinfo !== undefined && userinfo.sub !== claims.sub) {
        throw new SignInRefused('echec', 'the UserInfo is about another subject than the ID token');
      }
      return this.verifier.principalOfSignIn({ ...claims, ...userinfo });
    } catch (error) {
      if (error instanceof NoRoleFailure) throw new SignInRefused('role', 'the sign-in grants no portfolio role');
      if (error instanceof IdentityProviderUnavailable) throw new SignInRefused('indisponible', error.message);
      if (error instanceof AuthenticationFailure) {
        throw new SignInRefused('echec', `the ID token or the UserInfo is refused: ${error.message}`);
      }
      throw error;
    }
  }

  /** The UserInfo's claims, verified when signed; undefined when the issuer publishes no userinfo_endpoint. */
  private async userinfoClaims(accessToken: string | undefined): Promise<JWTPayload | undefined> {
    const { userinfoEndpoint } = await this.endpoints();
    if (userinfoEndpoint === undefined) return undefined;
    if (accessToken === undefined) throw new SignInRefused('echec', 'the token endpoint answered no access_token');
    let answer;
    try {
      answer = await requestUserinfo(userinfoEndpoint, accessToken, this.fetchImpl);
    } catch (error) {
      throw new SignInRefused('echec', describeError(error));
    }
    return answer.kind === 'jwt' ? this.verifier.verifiedUserinfo(answer.jwt) : answer.claims;
  }

  /** Where to end the person's session at the issuer too, if it says (RP-initiated logout). */
  async endSessionEndpoint(): Promise<string | undefined> {
    return (await this.endpoints().catch(() => undefined))?.endSessionEndpoint;
  }

  /** The token endpoint's tokens for this code; client_secret_basic unless the issuer only takes _post. */
  private async exchange(code: string, codeVerifier: string): Promise<Tokens> {
    const metadata = await this.endpoints();
    if (metadata.tokenEndpoint === undefined) {
      throw new SignInRefused('indisponible', 'the issuer publishes no https token_endpoint');
    }
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.client.redirectUrl,
      code_verifier: codeVerifier,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    const methods = metadata.tokenEndpointAuthMethods ?? ['client_secret_basic'];
    if (!methods.includes('client_secret_basic') && methods.includes('client_secret_post')) {
      form.set('client_id', this.client.clientId);
      form.set('client_secret', this.client.clientSecret);
    } else {
      // RFC 6749 §2.3.1: both are form-encoded before they are joined and base64-encoded.
      const credentials = `${encodeURIComponent(this.client.clientId)}:${encodeURIComponent(this.client.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    let answer: { id_token?: unknown; access_token?: unknown; error?: unknown };
    try {
      const response = await this.fetchImpl(metadata.tokenEndpoint, {
        method: 'POST',
        headers,
        body: form,
        signal: AbortSignal.timeout(IDENTITY_PROVIDER_TIMEOUT_MS),
      });
      answer = (await response.json()) as typeof answer;
      if (!response.ok) throw new Error(`HTTP ${response.status} error=${String(answer?.error).slice(0, 64)}`);
    } catch (error) {
      throw new SignInRefused(
        'echec',
        `the code exchange at ${metadata.tokenEndpoint} failed: ${describeError(error)}`,
      );
    }
    if (typeof answer.id_token !== 'string') {
      throw new SignInRefused('echec', 'the token endpoint answered no id_token');
    }
    const accessToken = typeof answer.access_token === 'string' ? answer.access_token : undefined;
    return { idToken: answer.id_token, accessToken };
  }

  /** The discovery document, read once (through the backoff the key set uses) and read again after a failure. */
  private endpoints(): Promise<IssuerMetadata> {
    if (this.metadata === undefined) {
      const pending = this.backoff.attempt('OIDC discovery', () => discoverIssuer(this.oidc.issuer, this.fetchImpl));
      this.metadata = pending;
      pending.catch(() => {
        if (this.metadata === pending) this.metadata = undefined;
      });
    }
    return this.metadata.catch((error: unknown) => {
      if (error instanceof KeySetUnavailable) throw new SignInRefused('indisponible', error.message);
      throw error;
    });
  }
}

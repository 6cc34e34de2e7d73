import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { authorizationServer, type AuthorizationServer } from './oidc-authorization';

/** The audience a test issuer's tokens carry unless told otherwise. */
export const TEST_AUDIENCE = 'portfolio-ledger-tests';

export type TestAlgorithm = 'ES256' | 'RS256';

export interface MintOptions {
  readonly sub: string;
  /** The roles claim; omitted: no such claim. */
  readonly roles?: string | readonly string[];
  /** Name of the roles claim (default `roles`). */
  readonly rolesClaim?: string;
  /** Default: TEST_AUDIENCE. */
  readonly aud?: string;
  /** Default: the issuer's own URL. */
  readonly iss?: string;
  /** Seconds since the epoch (see secondsFromNow); default five minutes ahead; null: no exp claim at all. */
  readonly exp?: number | null;
  /** Seconds since the epoch; default now; null: no iat claim at all. */
  readonly iat?: number | null;
  /** The JWS `typ` header; default `JWT`; null: none. */
  readonly typ?: string | null;
  readonly name?: string;
  /** More claims: given_name, usual_name, email, organizational_unit, siret... */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** `foreign`: signed by a key the issuer does not publish, under a published key id. */
  readonly key?: 'issuer' | 'foreign';
  /** Default ES256. */
  readonly alg?: TestAlgorithm;
}

/**
 * A local OpenID Connect issuer: discovery document and JWKS over http on 127.0.0.1, a token mint, and the
 * authorization code flow of one client (TEST_AUDIENCE, TEST_CLIENT_SECRET) signing in `signIn.person`, whose claims
 * are at its UserInfo endpoint.
 */
export interface TestOidcIssuer {
  /** `http://127.0.0.1:<port>`: what PORTFOLIO_OIDC_ISSUER names. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** Paths requested so far, in order. */
  readonly requests: readonly string[];
  /** While false, every request is answered 503 (the identity provider is down). */
  available: boolean;
  /** /authorize and /token: who signs in, and what was asked. */
  readonly signIn: Pick<AuthorizationServer, 'person' | 'authorizations'>;
  mint(options: MintOptions): Promise<string>;
  close(): Promise<void>;
}

interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export function secondsFromNow(seconds: number): number {
  return Math.floor(Date.now() / 1000) + seconds;
}

async function signingKey(alg: TestAlgorithm, kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export async function startOidcIssuer(): Promise<TestOidcIssuer> {
  const algorithms: readonly TestAlgorithm[] = ['ES256', 'RS256'];
  const published = new Map<TestAlgorithm, SigningKey>();
  const foreign = new Map<TestAlgorithm, SigningKey>();
  for (const alg of algorithms) {
    published.set(alg, await signingKey(alg, `test-${alg.toLowerCase()}`));
    foreign.set(alg, await signingKey(alg, `test-${alg.toLowerCase()}`));
  }

  const requests: string[] = [];
  let issuer = '';
  const state = { available: true };
  async function mint(options: MintOptions): Promise<string> {
    const alg = options.alg ?? 'ES256';
    const key = (options.key === 'foreign' ? foreign : published).get(alg) as SigningKey;
    const claims: Record<string, unknown> = { ...options.claims };
    if (options.roles !== undefined) claims[options.rolesClaim ?? 'roles'] = options.roles;
    if (options.name !== undefined) claims.name = options.name;
    const typ = options.typ === undefined ? 'JWT' : options.typ;
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg, kid: key.publicJwk.kid, ...(typ !== null && { typ }) })
      .setSubject(options.sub)
      .setIssuer(options.iss ?? issuer)
      .setAudience(options.aud ?? TEST_AUDIENCE);
    if (options.iat !== null) jwt.setIssuedAt(options.iat);
    const exp = options.exp === undefined ? secondsFromNow(300) : options.exp;
    if (exp !== null) jwt.setExpirationTime(exp);
    return jwt.sign(key.privateKey);
  }
  const authorization = authorizationServer(() => issuer, TEST_AUDIENCE, mint);
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    requests.push(path);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!state.available) return send(503, { error: 'temporarily_unavailable' });
    if (path === '/.well-known/openid-configuration') {
      return send(200, {
        issuer,
        jwks_uri: `${issuer}/jwks`,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        end_session_endpoint: `${issuer}/logout`,
        userinfo_endpoint: `${issuer}/userinfo`,
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: algorithms,
      });
    }
    if (path === '/jwks') return send(200, { keys: [...published.values()].map((key) => key.publicJwk) });
    if (authorization.handle(request, response)) return;
    return send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    requests,
    get available() {
      return state.available;
    },
    set available(value: boolean) {
      state.available = value;
    },
    signIn: authorization,
    mint,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions, type JWTVerifyResult } from 'jose';
import {
  mostPrivileged,
  isRole,
  type Principal,
  type Role,
  isJwtShaped,
  type CredentialsConfig,
  type OidcConfig,
} from '@portfolio/application';
import { isSafeText, truncated } from './display-text';
import { IdentityProviderBackoff, KeySetRetryPending, KeySetUnavailable } from './identity-provider-backoff';
import { issuerKeys, type Fetch } from './issuer-keys';

/** No credentials, or credentials that do not authenticate anybody: HTTP 401. The message never quotes a token. */
export class AuthenticationFailure extends Error {
  constructor(
    message: string,
    /** Whether a token was presented (RFC 6750: then the challenge says error="invalid_token"). */
    readonly tokenPresented: boolean,
  ) {
    super(message);
    this.name = 'AuthenticationFailure';
  }
}

/** A JWT that cannot be verified because the identity provider is unreachable: still a 401, but nobody's fault. */
export class IdentityProviderUnavailable extends AuthenticationFailure {
  constructor() {
    super('the token cannot be verified now (identity provider unavailable)', true);
  }
}

/** A valid identity that holds none of our roles: HTTP 403. */
export class NoRoleFailure extends Error {
  constructor(message = 'the token grants no portfolio role') {
    super(message);
    this.name = 'NoRoleFailure';
  }
}

export interface CredentialVerifierOptions {
  /** Told when the identity provider cannot be reached or answers nonsense; the caller still gets a 401. */
  readonly warn?: (message: string) => void;
  /** Keys for JWT verification instead of the issuer's JWKS (unit tests). */
  readonly keys?: JWTVerifyGetKey;
  /** fetch for discovery and JWKS (unit tests). */
  readonly fetch?: Fetch;
  /** Spaces out requests to a failing identity provider; by default DEFAULT_IDENTITY_PROVIDER_BACKOFF. */
  readonly backoff?: IdentityProviderBackoff;
}

/** Accepted JWS algorithms: asymmetric only, so that nobody can sign with a shared secret or with "none". */
export const JWT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** Leeway on exp/nbf/iat for clocks that drift between the identity provider and us. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/**
 * JWS `typ` headers taken as bearer tokens, compared as RFC 8725 §3.11 says (case-insensitive, without the
 * `application/` prefix): an ID token's `JWT`, or an RFC 9068 access token's `at+jwt`. A token without `typ` is taken
 * too, as many identity providers leave it out of ID tokens; any other type (a logout token, a DPoP proof, a security
 * event...) is another kind of JWT that must not serve as a credential. jose's own `typ` option takes one type only.
 */
export const ACCEPTED_JWT_TYPES: readonly string[] = ['jwt', 'at+jwt'];
const MAX_TOKEN_LENGTH = 16_384;
const MAX_DISPLAY_LENGTH = 256;
/** OpenID Connect Core §2: a `sub` is at most 255 ASCII characters. */
const MAX_SUBJECT_LENGTH = 255;
const INVALID = 'invalid or expired token';

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or undefined. */
export function bearerToken(authorization: string | string[] | undefined): string | undefined {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1];
}

function isAcceptedType(typ: string | undefined): boolean {
  return typ === undefined || ACCEPTED_JWT_TYPES.includes(typ.toLowerCase().replace(/^application\//, ''));
}

/** Our roles named by a roles claim (a string or an array of strings), through the mapping when there is one. */
export function rolesFromClaim(claim: unknown, mapping: ReadonlyMap<string, Role> | undefined): Role[] {
  const values = typeof claim === 'string' ? [claim] : Array.isArray(claim) ? claim : [];
  return values.flatMap((value: unknown) => {
    if (typeof value !== 'string') return [];
    const role = mapping === undefined ? value : mapping.get(value);
    return isRole(role) ? [role] : [];
  });
}

/** A display claim, trimmed and bounded; absent when it is no string, blank, or holds an unsafe character. */
function text(claims: JWTPayload, name: string): string | undefined {
  const value = Object.hasOwn(claims, name) ? claims[name] : undefined;
  if (typeof value !== 'string' || value.trim() === '' || !isSafeText(value)) return undefined;
  return truncated(value, MAX_DISPLAY_LENGTH);
}

/** The `sub` claim verbatim: an identifier is never trimmed or cut, lest two subjects become one. */
function subject(claims: JWTPayload): string {
  const { sub } = claims;
  const usable =
    typeof sub === 'string' && sub.trim() === sub && sub !== '' && sub.length <= MAX_SUBJECT_LENGTH && isSafeText(sub);
  if (!usable) throw new AuthenticationFailure(INVALID, true);
  return sub;
}

/** The principal id of an OIDC subject: namespaced by its issuer, so that no two issuers' subjects can meet. */
export function oidcPrincipalId(issuer: string, sub: string): string {
  return `oidc:${issuer}#${sub}`;
}

/**
 * The principal of a verified ID or access token with ProConnect claims: `oidc:<issuer>#<sub>`; `name`, else
 * `given_name` and `usual_name` (ProConnect's family name; `family_name` elsewhere), else `email`, else `sub`;
 * `organizational_unit` or `siret`. A display claim with a control character, a bidirectional override or a lone
 * surrogate is passed over for the next one. Several roles give the most privileged; none is a NoRoleFailure.
 */
export function principalFromClaims(
  claims: JWTPayload,
  oidc: Pick<OidcConfig, 'issuer' | 'rolesClaim'>,
  mapping: ReadonlyMap<string, Role> | undefined,
): Principal {
  const sub = subject(claims);
  const rolesClaim = Object.hasOwn(claims, oidc.rolesClaim) ? claims[oidc.rolesClaim] : undefined;
  const role = mostPrivileged(rolesFromClaim(rolesClaim, mapping));
  if (role === undefined) throw new NoRoleFailure();
  const fullName = [text(claims, 'given_name'), text(claims, 'usual_name') ?? text(claims, 'family_name')]
    .filter((part) => part !== undefined)
    .join(' ');
  const name = text(claims, 'name') ?? (fullName || undefined) ?? text(claims, 'email') ?? sub;
  const organisation = text(claims, 'organizational_unit') ?? text(claims, 'siret');
  return { id: oidcPrincipalId(oidc.issuer, sub), name, role, ...(organisation !== undefined && { organisation }) };
}

/**
 * Turns an Authorization header into a Principal. API tokens are compared by SHA-256 digest in constant time;
 * a token shaped like a JWT is verified against the OIDC issuer's keys. Framework-free, so testable without Nest.
 */
export class CredentialVerifier {
  private readonly apiTokens: readonly { readonly role: Role; readonly digest: Buffer }[];
  private readonly oidc: OidcConfig | undefined;
  /** The configured audience, and the sign-in client's id: the `aud` of the ID tokens it receives. */
  private readonly audiences: readonly string[];
  private readonly roleMapping: ReadonlyMap<string, Role> | undefined;
  private readonly keys: JWTVerifyGetKey | undefined;
  private readonly backoff: IdentityProviderBackoff;
  private readonly warn: (message: string) => void;

  constructor(credentials: CredentialsConfig, options: CredentialVerifierOptions = {}) {
    this.apiTokens = credentials.apiTokens.map(({ role, sha256 }) => ({ role, digest: Buffer.from(sha256, 'hex') }));
    this.oidc = credentials.oidc;
    const audiences = [this.oidc?.audience, this.oidc?.signIn?.clientId];
    this.audiences = [...new Set(audiences.filter((audience) => audience !== undefined))];
    this.roleMapping =
      this.oidc?.roleMapping === undefined
        ? undefined
        : new Map(this.oidc.roleMapping.map(({ claimValue, role }) => [claimValue, role]));
    this.backoff = options.backoff ?? new IdentityProviderBackoff();
    this.keys =
      options.keys ?? (this.oidc === undefined ? undefined : issuerKeys(this.oidc, this.backoff, options.fetch));
    this.warn = options.warn ?? (() => undefined);
  }

  /** Failed requests to the identity provider (discovery or JWKS) since start. */
  get identityProviderFailures(): number {
    return this.backoff.failures;
  }

  /** Throws AuthenticationFailure (401) or NoRoleFailure (403). */
  async authenticate(authorization: string | string[] | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    if (token === undefined) throw new AuthenticationFailure('missing bearer token', false);
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationFailure(INVALID, true);
    return isJwtShaped(token) ? this.verifyJwt(token) : this.verifyApiToken(token);
  }

  private verifyApiToken(token: string): Principal {
    const digest = createHash('sha256').update(token, 'utf8').digest();
    let role: Role | undefined;
    // Every configured token is compared, matching or not, so that timing tells nothing about which one is close.
    for (const candidate of this.apiTokens) {
      if (timingSafeEqual(digest, candidate.digest)) role ??= candidate.role;
    }
    if (role === undefined) throw new AuthenticationFailure(INVALID, true);
    return { id: `token:${role}:${digest.toString('hex').slice(0, 12)}`, name: `API token (${role})`, role };
  }

  /**
   * The claims of the ID token a sign-in received from the token endpoint: verified as a bearer JWT, and bound to
   * that sign-in by its nonce (OpenID Connect Core §3.1.3.7), so that an ID token taken from elsewhere is refused.
   */
  async verifiedIdToken(idToken: string, nonce: string): Promise<JWTPayload> {
    if (idToken.length > MAX_TOKEN_LENGTH || !isJwtShaped(idToken)) throw new AuthenticationFailure(INVALID, true);
    const { claims } = await this.verifiedClaims(idToken);
    if (claims.nonce !== nonce) throw new AuthenticationFailure(INVALID, true);
    return claims;
  }

  /**
   * The claims of a signed UserInfo response (OpenID Connect Core §5.3.2): signed by the issuer's keys with an
   * accepted algorithm, from the issuer, for the sign-in client. It needs no exp or iat: ProConnect sets none.
   */
  async verifiedUserinfo(jwt: string): Promise<JWTPayload> {
    const clientId = this.oidc?.signIn?.clientId;
    if (this.keys === undefined || clientId === undefined) throw new AuthenticationFailure(INVALID, true);
    if (jwt.length > MAX_TOKEN_LENGTH || !isJwtShaped(jwt)) throw new AuthenticationFailure(INVALID, true);
    const { payload, protectedHeader } = await this.verify(jwt, {
      issuer: this.oidc?.issuer,
      audience: clientId,
      algorithms: JWT_ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub'],
    });
    if (!isAcceptedType(protectedHeader.typ)) throw new AuthenticationFailure(INVALID, true);
    return payload;
  }

  /** The principal of a sign-in's claims (its ID token's, with its UserInfo's); throws NoRoleFailure. */
  principalOfSignIn(claims: JWTPayload): Principal {
    if (this.oidc === undefined) throw new AuthenticationFailure(INVALID, true);
    return principalFromClaims(claims, this.oidc, this.roleMapping);
  }

  private async verifyJwt(token: string): Promise<Principal> {
    const { oidc, claims } = await this.verifiedClaims(token);
    return principalFromClaims(claims, oidc, this.roleMapping);
  }

  private async verifiedClaims(token: string): Promise<{ oidc: OidcConfig; claims: JWTPayload }> {
    if (this.oidc === undefined || this.keys === undefined) throw new AuthenticationFailure(INVALID, true);
    // maxTokenAge makes iat required, and refuses one older than that or later than now, give or take the tolerance.
    const verified = await this.verify(token, {
      issuer: this.oidc.issuer,
      audience: [...this.audiences],
      algorithms: JWT_ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: this.oidc.maxTokenAgeSeconds,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const { payload, protectedHeader } = verified;
    if (!isAcceptedType(protectedHeader.typ)) throw new AuthenticationFailure(INVALID, true);
    // A token that claims a longer life than the oldest age accepted is misissued: refused, not silently cut short.
    if ((payload.exp as number) - (payload.iat as number) > this.oidc.maxTokenAgeSeconds) {
      throw new AuthenticationFailure(INVALID, true);
    }
    return { oidc: this.oidc, claims: payload };
  }

  /** jose's verification against the issuer's keys; a refused JWT is a 401, an unreachable issuer is said so. */
  private async verify(token: string, options: JWTVerifyOptions): Promise<JWTVerifyResult> {
    try {
      return await jwtVerify(token, this.keys as JWTVerifyGetKey, options);
    } catch (error) {
      if (!(error instanceof KeySetUnavailable)) throw new AuthenticationFailure(INVALID, true);
      // A pending retry was logged when the attempt before it failed; once per failure is enough.
      if (!(error instanceof KeySetRetryPending)) this.warn(`cannot verify bearer JWTs: ${error.message}`);
      throw new IdentityProviderUnavailable();
    }
  }
}

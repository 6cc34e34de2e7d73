import { createHash, timingSafeEqual } from 'node:crypto';
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import {
  mostPrivileged,
  isRole,
  type Principal,
  type Role,
  isJwtShaped,
  type CredentialsConfig,
  type OidcConfig,
} from '@portfolio/application';
import { issuerKeys, KeySetUnavailable, type Fetch } from './issuer-keys';

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
}

/** Accepted JWS algorithms: asymmetric only, so that nobody can sign with a shared secret or with "none". */
export const JWT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** Leeway on exp/nbf/iat for clocks that drift between the identity provider and us. */
export const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_TOKEN_LENGTH = 16_384;
const MAX_DISPLAY_LENGTH = 256;
const INVALID = 'invalid or expired token';

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or undefined. */
export function bearerToken(authorization: string | string[] | undefined): string | undefined {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1];
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

function text(claims: JWTPayload, name: string): string | undefined {
  const value = Object.hasOwn(claims, name) ? claims[name] : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.trim().slice(0, MAX_DISPLAY_LENGTH);
}

/**
 * The principal of a verified ID or access token with ProConnect claims: `sub`; `name`, else `given_name` and
 * `usual_name` (ProConnect's family name; `family_name` elsewhere), else `email`; `organizational_unit` or `siret`.
 * Several roles give the most privileged; none is a NoRoleFailure.
 */
export function principalFromClaims(
  claims: JWTPayload,
  oidc: Pick<OidcConfig, 'rolesClaim'>,
  mapping: ReadonlyMap<string, Role> | undefined,
): Principal {
  const id = text(claims, 'sub');
  if (id === undefined) throw new AuthenticationFailure(INVALID, true);
  const rolesClaim = Object.hasOwn(claims, oidc.rolesClaim) ? claims[oidc.rolesClaim] : undefined;
  const role = mostPrivileged(rolesFromClaim(rolesClaim, mapping));
  if (role === undefined) throw new NoRoleFailure();
  const fullName = [text(claims, 'given_name'), text(claims, 'usual_name') ?? text(claims, 'family_name')]
    .filter((part) => part !== undefined)
    .join(' ');
  const name = text(claims, 'name') ?? (fullName || undefined) ?? text(claims, 'email') ?? id;
  const organisation = text(claims, 'organizational_unit') ?? text(claims, 'siret');
  return { id, name, role, ...(organisation !== undefined && { organisation }) };
}

/**
 * Turns an Authorization header into a Principal. API tokens are compared by SHA-256 digest in constant time;
 * a token shaped like a JWT is verified against the OIDC issuer's keys. Framework-free, so testable without Nest.
 */
export class CredentialVerifier {
  private readonly apiTokens: readonly { readonly role: Role; readonly digest: Buffer }[];
  private readonly oidc: OidcConfig | undefined;
  private readonly roleMapping: ReadonlyMap<string, Role> | undefined;
  private readonly keys: JWTVerifyGetKey | undefined;
  private readonly warn: (message: string) => void;

  constructor(credentials: CredentialsConfig, options: CredentialVerifierOptions = {}) {
    this.apiTokens = credentials.apiTokens.map(({ role, sha256 }) => ({ role, digest: Buffer.from(sha256, 'hex') }));
    this.oidc = credentials.oidc;
    this.roleMapping =
      this.oidc?.roleMapping === undefined
        ? undefined
        : new Map(this.oidc.roleMapping.map(({ claimValue, role }) => [claimValue, role]));
    this.keys = options.keys ?? (this.oidc === undefined ? undefined : issuerKeys(this.oidc, options.fetch));
    this.warn = options.warn ?? (() => undefined);
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

  private async verifyJwt(token: string): Promise<Principal> {
    if (this.oidc === undefined || this.keys === undefined) throw new AuthenticationFailure(INVALID, true);
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, this.keys, {
        issuer: this.oidc.issuer,
        audience: this.oidc.audience,
        algorithms: JWT_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (!(error instanceof KeySetUnavailable)) throw new AuthenticationFailure(INVALID, true);
      this.warn(`cannot verify bearer JWTs: ${error.message}`);
      throw new IdentityProviderUnavailable();
    }
    return principalFromClaims(claims, this.oidc, this.roleMapping);
  }
}

import type { Role } from '../auth/principal';
import type { CheckpointConfig } from './checkpoint-config';
import type { EventStreamConfig } from './event-stream-config';
import type { HttpServerConfig } from './http-server-config';
import type { ObservabilityConfig } from './observability-config';
import type { OidcSignInConfig } from './oidc-sign-in-config';
import type { PostgresTimeoutsConfig } from './postgres-timeouts-config';
import type { RetentionConfig } from './retention-config';
import type { ShutdownConfig } from './shutdown-config';
import type { TrustProxyConfig } from './trust-proxy-config';
import type { TsaConfig } from './tsa-config';
import type { WitnessConfig } from './witness-config';

/** A PostgreSQL database and the schema the ledger's tables live in. */
export interface PostgresLocation {
  readonly databaseUrl: string;
  readonly schema: string;
}

/**
 * Where the events live (ARCHITECTURE §9). SQLite and PostgreSQL hold the read models beside the events; with
 * KurrentDB (production mode) they live in PostgreSQL.
 */
export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | ({ readonly kind: 'postgres' } & PostgresLocation)
  | { readonly kind: 'kurrentdb'; readonly kurrentDbUrl: string; readonly readModels: PostgresLocation };

/**
 * A configured API token. Only its SHA-256 digest is kept, so that a logged or dumped configuration never
 * discloses a credential; the verifier compares digests in constant time.
 */
export interface ApiTokenConfig {
  readonly role: Role;
  /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
  readonly sha256: string;
}

/** Bearer JWTs from a ProConnect-compatible (OpenID Connect) identity provider. */
export interface OidcConfig {
  /** Compared verbatim with the `iss` claim; the discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** Expected `aud` claim (for ProConnect ID tokens: the client id). */
  readonly audience: string;
  /** Top-level claim holding the caller's role or roles: a string or an array of strings. */
  readonly rolesClaim: string;
  /**
   * Identity-provider values mapped onto our roles. Absent: the claim values must be our role names.
   * Present: only the mapped values count.
   */
  readonly roleMapping?: readonly { readonly claimValue: string; readonly role: Role }[];
  /** Skips discovery when set. */
  readonly jwksUrl?: string;
  /** Oldest `iat` accepted, in seconds; `exp` may not lie further than this after `iat` either. */
  readonly maxTokenAgeSeconds: number;
  /** Browser sign-in (authorization code + PKCE) through this issuer; absent: bearer JWTs only. */
  readonly signIn?: OidcSignInConfig;
}

/**
 * How callers authenticate. `credentials`: configured API tokens and/or OIDC. `dev-tokens`: nothing configured on
 * the embedded store, so one token per role is generated into (or read from) `file` at start (see resolveAuth).
 */
export type AuthConfig =
  | { readonly kind: 'credentials'; readonly apiTokens: readonly ApiTokenConfig[]; readonly oidc?: OidcConfig }
  | { readonly kind: 'dev-tokens'; readonly file: string };

/** Credentials ready for verification: the `credentials` form of AuthConfig. */
export type CredentialsConfig = Extract<AuthConfig, { kind: 'credentials' }>;

/** The validated configuration of one process, API or CLI alike. */
export interface PortfolioConfig
  extends
    HttpServerConfig,
    CheckpointConfig,
    RetentionConfig,
    TsaConfig,
    WitnessConfig,
    ShutdownConfig,
    EventStreamConfig,
    PostgresTimeoutsConfig,
    TrustProxyConfig,
    ObservabilityConfig {
  readonly port: number;
  /** SQLite file, signing key and generated development tokens live here. */
  readonly dataDir: string;
  readonly store: StoreConfig;
  readonly auth: AuthConfig;
  /**
   * PKCS#8 PEM of the Ed25519 seal key, for deployments where several instances must sign with one key.
   * Absent: the key is `<dataDir>/seal-signing-key.pem`, generated on first start.
   */
  readonly signingKeyFile?: string;
}

/** The four roles of ARCHITECTURE §6, from the most to the least privileged. */
export const ROLES = ['admin', 'programme-office', 'auditor', 'reviewer'] as const;

/** What an authenticated caller may do: commands (programme-office), reads (reviewer), audit (auditor), all (admin). */
export type Role = (typeof ROLES)[number];

/**
 * The authenticated caller, exactly as it is recorded in every event's `metadata.actor` (ARCHITECTURE §4):
 * taken from the credentials, never from a request body.
 */
export interface Principal {
  /**
   * Stable identifier: `oidc:<issuer>#<sub>` for a JWT (the bare `sub` in events recorded before), or
   * `token:<role>:<12 hex>` for an API token.
   */
  readonly id: string;
  /** Human-readable name for histories and reports. */
  readonly name: string;
  readonly role: Role;
  /** The caller's organisation when the identity provider says so (ProConnect `organizational_unit` or `siret`). */
  readonly organisation?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The most privileged of several roles (admin > programme-office > auditor > reviewer), or undefined for none. */
export function mostPrivileged(roles: Iterable<Role>): Role | undefined {
  const held = new Set(roles);
  return ROLES.find((role) => held.has(role));
}

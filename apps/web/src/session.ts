// Who is signed in: the API token (or the service's session cookie) and the principal the API said it is, kept for
// the browser tab's life only.

/** The roles of the API (README, "Authentication"). */
export type Role = 'programme-office' | 'reviewer' | 'auditor' | 'admin';

/** What GET /api/v1/session answers. */
export interface Principal {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly organisation?: string;
}

export interface Session {
  /** The pasted API token; absent for a ProConnect sign-in, whose credential is an HttpOnly cookie no script reads. */
  readonly token?: string;
  readonly principal: Principal;
}

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  'programme-office': 'Bureau de programme',
  reviewer: 'Relecteur',
  auditor: 'Auditeur',
  admin: 'Administrateur',
};

/** sessionStorage: closing the tab signs out, and no other site or tab reads it. */
const KEY = 'portfolio-ledger.session';

export function storedSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return session?.principal?.role === undefined ? undefined : session;
  } catch {
    return undefined;
  }
}

export function storeSession(session: Session | undefined): void {
  if (session === undefined) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify(session));
}

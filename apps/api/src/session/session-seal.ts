// The workspace's cookie session: the principal a ProConnect sign-in established, sealed by the service.
import { isRole, type Principal } from '@portfolio/application';
import { Seal } from './sealed-state';

/** What the session cookie holds: who signed in, and from when until when (seconds since the epoch). */
export interface BrowserSession {
  readonly principal: Principal;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

function isPrincipal(value: unknown): value is Principal {
  const principal = value as Partial<Principal> | null;
  return (
    typeof principal === 'object' &&
    principal !== null &&
    typeof principal.id === 'string' &&
    typeof principal.name === 'string' &&
    isRole(principal.role) &&
    (principal.organisation === undefined || typeof principal.organisation === 'string')
  );
}

function isBrowserSession(value: unknown): value is BrowserSession {
  const session = value as Partial<BrowserSession> | null;
  return (
    typeof session === 'object' &&
    session !== null &&
    isPrincipal(session.principal) &&
    typeof session.issuedAt === 'number' &&
    typeof session.expiresAt === 'number'
  );
}

/**
 * Seals sessions under a key of their own (another purpose than the sign-in state's), so that no sign-in cookie
 * can ever be passed off as a session. Any instance given the same secret opens them.
 */
export class SessionSeal {
  private readonly box: Seal;

  constructor(
    secret: string | undefined,
    /** How long a session lasts, in seconds. */
    readonly maxAgeSeconds: number,
  ) {
    this.box = new Seal(secret, 'workspace session');
  }

  seal(principal: Principal, nowSeconds: number): string {
    const session: BrowserSession = { principal, issuedAt: nowSeconds, expiresAt: nowSeconds + this.maxAgeSeconds };
    return this.box.seal(session);
  }

  /** The principal of an intact session that has not expired at `nowSeconds`; otherwise undefined. */
  open(text: string | undefined, nowSeconds: number): Principal | undefined {
    const session = this.box.open(text);
    return isBrowserSession(session) && session.expiresAt > nowSeconds ? session.principal : undefined;
  }
}

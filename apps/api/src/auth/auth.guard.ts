import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import type { Principal, Role } from '@portfolio/application';
import { AuthFailureThrottle } from './auth-failure-throttle';
import {
  AuthenticationFailure,
  CredentialVerifier,
  IdentityProviderUnavailable,
  NoRoleFailure,
} from './credential-verifier';
import { refuseCrossSite, sessionCookieOf } from '../session/browser-session';
import type { OidcSignIn } from '../session/oidc-sign-in';
import { OIDC_SIGN_IN } from './oidc-sign-in.token';
import { clientAddress, type AuthenticatedRequest } from './principal-of';
import { IS_PUBLIC } from './public.decorator';
import { refuseCredential } from './refuse-credential';
import { ALLOWED_ROLES } from './roles.decorator';

type Access = { readonly public: true } | { readonly roles: readonly Role[] } | undefined;

/**
 * The global guard (ARCHITECTURE §6): every route requires an authenticated caller unless it is @Public(), and a
 * role that its @Roles() lists. Deny by default: a route with neither decorator is refused to everybody (403), so a
 * forgotten decorator can only close a route, never open it.
 *
 * Credentials are checked first, and valid ones are never throttled: behind a reverse proxy many callers share one
 * address, and one caller's refused tokens must not lock the others out. A refused token is answered 429 with
 * Retry-After instead of 401 when its address, or the token itself, has been refused too often lately (see
 * AuthFailureThrottle).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: CredentialVerifier,
    private readonly throttle: AuthFailureThrottle,
    @Inject(OIDC_SIGN_IN) private readonly signIn: OidcSignIn | null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const access = this.access(context);
    if (access !== undefined && 'public' in access) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<ServerResponse>();
    const { authorization } = request.headers;
    let principal;
    try {
      principal = this.sessionPrincipal(request) ?? (await this.verifier.authenticate(authorization));
    } catch (error) {
      if (error instanceof AuthenticationFailure) {
        const client = clientAddress(request);
        // Only refused tokens count: a request without any guesses nothing, and an identity provider that cannot be
        // reached is not the caller's failure.
        const counted = error.tokenPresented && !(error instanceof IdentityProviderUnavailable);
        refuseCredential(
          this.throttle,
          this.logger,
          { client, authorization, message: error.message, counted },
          response,
        );
      }
      if (error instanceof NoRoleFailure) throw new ForbiddenException(error.message);
      throw error;
    }
    request.principal = principal;

    if (access === undefined) throw new ForbiddenException('this route is not open to any role');
    if (!access.roles.includes(principal.role)) {
      const route = typeof request.route?.path === 'string' ? request.route.path : 'this route';
      throw new ForbiddenException(`role ${principal.role} may not ${request.method} ${route}`);
    }
    return true;
  }

  /**
   * The principal of the session cookie of a request without an Authorization header, when the workspace's
   * ProConnect sign-in is configured; an unsafe request may only use it from the workspace's own origin (CSRF).
   * A cookie that this service did not seal, or whose session has ended, is a 401 (« Votre session a expiré »).
   */
  private sessionPrincipal(request: AuthenticatedRequest): Principal | undefined {
    const sealed = this.signIn === null ? undefined : sessionCookieOf(request);
    if (this.signIn === null || sealed === undefined) return undefined;
    const principal = this.signIn.openSession(sealed);
    if (principal === undefined) throw new AuthenticationFailure('invalid or expired session', true);
    refuseCrossSite(request, this.signIn.origin);
    return principal;
  }

  /** The handler's own @Roles or @Public, else its controller's; @Roles wins over @Public on the same target. */
  private access(context: ExecutionContext): Access {
    for (const target of [context.getHandler(), context.getClass()]) {
      const roles = this.reflector.get<readonly Role[] | undefined>(ALLOWED_ROLES, target);
      if (roles !== undefined) return { roles };
      if (this.reflector.get<boolean | undefined>(IS_PUBLIC, target) === true) return { public: true };
    }
    return undefined;
  }
}

import {
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import type { Role } from '@portfolio/application';
import { AuthFailureThrottle } from './auth-failure-throttle';
import {
  AuthenticationFailure,
  CredentialVerifier,
  IdentityProviderUnavailable,
  NoRoleFailure,
} from './credential-verifier';
import { clientAddress, type AuthenticatedRequest } from './principal-of';
import { IS_PUBLIC } from './public.decorator';
import { ALLOWED_ROLES } from './roles.decorator';

export const REALM = 'portfolio-ledger';

type Access = { readonly public: true } | { readonly roles: readonly Role[] } | undefined;

/**
 * The global guard (ARCHITECTURE §6): every route requires an authenticated caller unless it is @Public(), and a
 * role that its @Roles() lists. Deny by default: a route with neither decorator is refused to everybody (403), so a
 * forgotten decorator can only close a route, never open it.
 *
 * A client address that has presented too many refused tokens lately is answered 429 with Retry-After, before its
 * credentials are even looked at (see AuthFailureThrottle); public routes stay open to it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: CredentialVerifier,
    private readonly throttle: AuthFailureThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const access = this.access(context);
    if (access !== undefined && 'public' in access) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const client = clientAddress(request);
    const retryAfter = this.throttle.retryAfterSeconds(client);
    if (retryAfter !== undefined) {
      http.getResponse<ServerResponse>().setHeader('Retry-After', String(retryAfter));
      throw new HttpException(
        'too many failed authentications from this address; retry later',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    let principal;
    try {
      principal = await this.verifier.authenticate(request.headers.authorization);
    } catch (error) {
      if (error instanceof AuthenticationFailure) {
        // Only refused credentials count: a request without any guesses nothing, and an identity provider that
        // cannot be reached is not the caller's failure.
        if (error.tokenPresented && !(error instanceof IdentityProviderUnavailable)) this.recordFailure(client);
        const challenge = `Bearer realm="${REALM}"${error.tokenPresented ? ', error="invalid_token"' : ''}`;
        http.getResponse<ServerResponse>().setHeader('WWW-Authenticate', challenge);
        throw new UnauthorizedException(error.message);
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

  private recordFailure(client: string): void {
    this.throttle.recordFailure(client);
    if (this.throttle.retryAfterSeconds(client) !== undefined) {
      this.logger.warn(`too many failed authentications from ${client}: refusing it until its window ends`);
    }
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

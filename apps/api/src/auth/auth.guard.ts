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
import { tokenDigest, type Role } from '@portfolio/application';
import { AuthFailureThrottle } from './auth-failure-throttle';
import {
  AuthenticationFailure,
  bearerToken,
  CredentialVerifier,
  IdentityProviderUnavailable,
  NoRoleFailure,
} from './credential-verifier';
import { clientAddress, type AuthenticatedRequest } from './principal-of';
import { IS_PUBLIC } from './public.decorator';
import { ALLOWED_ROLES } from './roles.decorator';

export const REALM = 'portfolio-ledger';

type Access = { readonly public: true } | { readonly roles: readonly Role[] } | undefined;

/** One count of refused tokens: its key in the throttle, and how the log and the 429 name it. */
interface ThrottleSubject {
  readonly key: string;
  readonly logged: string;
  readonly refusal: string;
}

/**
 * What a refused token is counted against: the address it came from (guesses from one client), and the token itself
 * by digest (one bad credential replayed from many addresses, such as a revoked token left in a fleet's settings).
 */
function throttleSubjects(client: string, authorization: string | string[] | undefined): ThrottleSubject[] {
  const subjects = [{ key: `address ${client}`, logged: `from ${client}`, refusal: 'from this address' }];
  const token = bearerToken(authorization);
  if (token !== undefined) {
    const digest = tokenDigest(token);
    subjects.push({
      key: `credential ${digest}`,
      logged: `with the credential of SHA-256 ${digest.slice(0, 12)}…`,
      refusal: 'with this credential',
    });
  }
  return subjects;
}

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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const access = this.access(context);
    if (access !== undefined && 'public' in access) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<ServerResponse>();
    let principal;
    try {
      principal = await this.verifier.authenticate(request.headers.authorization);
    } catch (error) {
      if (error instanceof AuthenticationFailure) {
        this.refuse(error, throttleSubjects(clientAddress(request), request.headers.authorization), response);
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

  /** 401 with a Bearer challenge, or 429 when the address or the token has been refused too often lately. */
  private refuse(failure: AuthenticationFailure, subjects: ThrottleSubject[], response: ServerResponse): never {
    // Only refused tokens count: a request without any guesses nothing, and an identity provider that cannot be
    // reached is not the caller's failure.
    if (failure.tokenPresented && !(failure instanceof IdentityProviderUnavailable)) {
      for (const { key, refusal } of subjects) {
        const retryAfter = this.throttle.retryAfterSeconds(key);
        if (retryAfter === undefined) continue;
        response.setHeader('Retry-After', String(retryAfter));
        throw new HttpException(
          `too many failed authentications ${refusal}; retry later`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      for (const subject of subjects) this.recordFailure(subject);
    }
    const challenge = `Bearer realm="${REALM}"${failure.tokenPresented ? ', error="invalid_token"' : ''}`;
    response.setHeader('WWW-Authenticate', challenge);
    throw new UnauthorizedException(failure.message);
  }

  private recordFailure({ key, logged }: ThrottleSubject): void {
    this.throttle.recordFailure(key);
    if (this.throttle.retryAfterSeconds(key) !== undefined) {
      this.logger.warn(`too many failed authentications ${logged}: refused tokens get 429 for the rest of the window`);
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

import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { PORTFOLIO_CONFIG, type PortfolioConfig } from '@portfolio/application';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthFailureThrottle } from '../../auth/auth-failure-throttle';
import { REALM } from '../../auth/auth.guard';
import { bearerToken } from '../../auth/credential-verifier';
import { clientAddress } from '../../auth/principal-of';

/**
 * `GET /metrics` opens to one credential only, `PORTFOLIO_METRICS_TOKEN`, the scraper's: an API token, even an
 * admin's, does not open it, and the metrics token opens nothing else. Refused tokens count toward the same
 * per-address throttle as the API's; with no metrics token configured, the route is not served at all.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(
    @Inject(PORTFOLIO_CONFIG) config: PortfolioConfig,
    private readonly throttle: AuthFailureThrottle,
  ) {
    this.expected = config.metricsTokenSha256 === undefined ? undefined : Buffer.from(config.metricsTokenSha256, 'hex');
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<IncomingMessage>();
    const response = http.getResponse<ServerResponse>();
    if (this.expected === undefined) {
      throw new NotFoundException('metrics are not served: set PORTFOLIO_METRICS_TOKEN to open them to a scraper');
    }
    const client = clientAddress(request);
    const retryAfter = this.throttle.retryAfterSeconds(client);
    if (retryAfter !== undefined) {
      response.setHeader('Retry-After', String(retryAfter));
      throw new HttpException(
        'too many failed authentications from this address; retry later',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const token = bearerToken(request.headers.authorization);
    if (token !== undefined && timingSafeEqual(createHash('sha256').update(token, 'utf8').digest(), this.expected)) {
      return true;
    }
    if (token !== undefined) this.throttle.recordFailure(client);
    response.setHeader(
      'WWW-Authenticate',
      `Bearer realm="${REALM}"${token === undefined ? '' : ', error="invalid_token"'}`,
    );
    throw new UnauthorizedException(
      token === undefined ? 'send the metrics token: Authorization: Bearer <token>' : 'the metrics token is not valid',
    );
  }
}

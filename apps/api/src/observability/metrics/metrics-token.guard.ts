import { Inject, Injectable, Logger, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { PORTFOLIO_CONFIG, tokenDigest, type PortfolioConfig } from '@portfolio/application';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthFailureThrottle } from '../../auth/auth-failure-throttle';
import { bearerToken } from '../../auth/credential-verifier';
import { clientAddress } from '../../auth/principal-of';
import { refuseCredential } from '../../auth/refuse-credential';

/**
 * `GET /metrics` opens to one credential only, `PORTFOLIO_METRICS_TOKEN`, the scraper's: an API token, even an
 * admin's, does not open it, and the metrics token opens nothing else. Refused tokens count toward the same
 * throttle as the API's (by address and by token), and the valid one is never throttled; with no metrics token
 * configured, the route is not served at all.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | undefined;
  private readonly logger = new Logger('Metrics');

  constructor(
    @Inject(PORTFOLIO_CONFIG) config: PortfolioConfig,
    private readonly throttle: AuthFailureThrottle,
  ) {
    this.expected = config.metricsTokenSha256 === undefined ? undefined : Buffer.from(config.metricsTokenSha256, 'hex');
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<IncomingMessage>();
    if (this.expected === undefined) {
      throw new NotFoundException('metrics are not served: set PORTFOLIO_METRICS_TOKEN to open them to a scraper');
    }
    const { authorization } = request.headers;
    const token = bearerToken(authorization);
    if (token !== undefined && timingSafeEqual(Buffer.from(tokenDigest(token), 'hex'), this.expected)) return true;
    const message =
      token === undefined ? 'send the metrics token: Authorization: Bearer <token>' : 'the metrics token is not valid';
    const refusal = { client: clientAddress(request), authorization, message, counted: token !== undefined };
    return refuseCredential(this.throttle, this.logger, refusal, http.getResponse<ServerResponse>());
  }
}

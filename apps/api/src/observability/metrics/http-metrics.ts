import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { routeTemplateOf } from '../route-template';
import { DURATION_BUCKETS, METRICS_REGISTRY } from './metrics-registry';

/** The status label of a request whose client went away before the response was complete. */
export const ABORTED_STATUS = 'aborted';

/** How long requests take, by method, route template and status: every request, refused ones included. */
@Injectable()
export class HttpMetrics {
  private readonly durations: Histogram<'method' | 'route' | 'status_code'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.durations = new Histogram({
      name: 'portfolio_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status code, and how long they took',
      labelNames: ['method', 'route', 'status_code'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    });
  }

  /** Express middleware: mounted first, so that what later middleware refuses (413, 415) is counted too. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.durations.startTimer();
    response.once('close', () => {
      stop({
        method: request.method,
        // Once the response is over: the route is known only after routing.
        route: routeTemplateOf(request),
        status_code: response.writableFinished ? String(response.statusCode) : ABORTED_STATUS,
      });
    });
    next();
  };
}

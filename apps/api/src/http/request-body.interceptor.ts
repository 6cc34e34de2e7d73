import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { JSON_BODY, readRequestBody, TEXT_BODY } from './read-request-body';

const TAKES_TEXT = 'portfolio:takes-text';

/** The route takes a text/plain body (a witness's cosigned note) instead of JSON. */
export const TakesText = () => SetMetadata(TAKES_TEXT, true);

/**
 * Reads and parses the request body. Interceptors run after the guards (Nest's order: middleware, guards,
 * interceptors, pipes), so a body is read only once its sender is authenticated and allowed the route: until then
 * it costs nothing, whatever it holds. Nest's own body parser is off (see createApp). Every route reads its body, as
 * Express's parsers did, so that a body no route would look at is refused the same way.
 */
@Injectable()
export class RequestBodyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      const text = this.reflector.get<boolean | undefined>(TAKES_TEXT, context.getHandler()) === true;
      request.body = await readRequestBody(request, text ? TEXT_BODY : JSON_BODY);
    }
    return next.handle();
  }
}

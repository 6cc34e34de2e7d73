import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@portfolio/application';
import type { Request, Response } from 'express';
import { principalOf } from '../auth/principal-of';

/** Who sends a command and through which exchange: what the command gateway needs besides the command. */
export interface CommandCaller {
  readonly principal: Principal;
  readonly request: Request;
  readonly response: Response;
}

export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CommandCaller => {
  const http = context.switchToHttp();
  const request = http.getRequest<Request>();
  const principal = principalOf(request);
  // The global guard authenticates every non-public route first; reaching here without a principal is a wiring bug.
  if (principal === undefined) throw new UnauthorizedException('missing bearer token');
  return { principal, request, response: http.getResponse<Response>() };
});

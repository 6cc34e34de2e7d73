import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@portfolio/application';
import { principalOf } from './principal-of';

/** The authenticated caller of the current request; only on routes that are not @Public. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest());
  // Only a defect gets here (the decorator used on a @Public route): fail loudly rather than record no actor.
  if (principal === undefined) throw new Error('@CurrentPrincipal() used on a route that has no authenticated caller');
  return principal;
});

import type { IncomingMessage } from 'node:http';
import type { Principal } from '@portfolio/application';

/** An HTTP request once the guard has authenticated it (Express adds `route`). */
export interface AuthenticatedRequest extends IncomingMessage {
  principal?: Principal;
  route?: { path?: unknown };
}

/** The principal the guard attached to a request, if any. */
export function principalOf(request: object): Principal | undefined {
  return (request as AuthenticatedRequest).principal;
}

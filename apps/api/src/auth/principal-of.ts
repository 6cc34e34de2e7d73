import type { IncomingMessage } from 'node:http';
import type { Principal } from '@portfolio/application';

/** An HTTP request once the guard has authenticated it (Express adds `route`). */
export interface AuthenticatedRequest extends IncomingMessage {
  principal?: Principal;
  route?: { path?: unknown };
  /** Express's client address: the socket's peer, or what a trusted proxy says when `trust proxy` is set. */
  ip?: string;
}

/** The address failed authentications are counted against. */
export function clientAddress(request: AuthenticatedRequest): string {
  return request.ip ?? request.socket?.remoteAddress ?? 'unknown';
}

/** The principal the guard attached to a request, if any. */
export function principalOf(request: object): Principal | undefined {
  return (request as AuthenticatedRequest).principal;
}

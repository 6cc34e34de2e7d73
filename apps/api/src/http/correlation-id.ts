import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

/** Printable ASCII, bounded: a caller's id goes into logs and event metadata as it is. */
export const CORRELATION_ID = /^[\x21-\x7e]{1,128}$/;

export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

const assigned = new WeakMap<IncomingMessage, string>();

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it is a usable one, else a new UUID (a command
 * refuses an unusable one before recording it). The same for the whole request, so the request's log lines and the
 * events it appends carry one id.
 */
export function correlationIdOf(request: IncomingMessage): string {
  let id = assigned.get(request);
  if (id === undefined) {
    const given = request.headers[CORRELATION_ID_HEADER.toLowerCase()];
    const value = Array.isArray(given) ? given[0] : given;
    id = value !== undefined && CORRELATION_ID.test(value) ? value : randomUUID();
    assigned.set(request, id);
  }
  return id;
}

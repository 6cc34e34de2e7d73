import type { Language } from '../language';
import { AUDIT_LOG_PAGE, auditLogEvents, auditLogItem, type AuditLogItem } from './audit-log';
import type { AuditLogCriteria } from './audit-log-criteria';
import type { ReadContext } from './read-context';

// GET /events/stream: the audit log followed live, for as long as the client listens.

/** What followAuditLog yields when it sent nothing for a while: time to tell the client the stream is alive. */
export const AUDIT_LOG_IDLE = Symbol('idle');

export interface FollowOptions {
  readonly language: Language;
  /** How long without sending an event before AUDIT_LOG_IDLE. */
  readonly idleMs: number;
  /** Ends the following: the client left, or the service stops. */
  readonly signal: AbortSignal;
  /** Events read at a time: what a slow client can hold in memory. */
  readonly pageSize?: number;
}

/**
 * The events the criteria select after `after`, in position order, each once the read models include it (so that a
 * client reading the portfolio after an event sees it), until the signal aborts or `toPosition` is passed. Read page
 * by page, and only as fast as the consumer pulls: a slow client holds at most a page.
 */
export async function* followAuditLog(
  context: ReadContext,
  criteria: AuditLogCriteria,
  after: bigint,
  options: FollowOptions,
): AsyncGenerator<AuditLogItem | typeof AUDIT_LOG_IDLE> {
  const { language, idleMs, signal, pageSize = AUDIT_LOG_PAGE.fallback } = options;
  let reached = after;
  // Idle means nothing sent, not nothing recorded: a busy log whose events the criteria all leave out sends nothing.
  let quietSince = performance.now();
  while (!signal.aborted && (criteria.toPosition === undefined || reached < criteria.toPosition)) {
    const included = context.projections.position;
    if (included > reached) {
      const fromPosition = max(criteria.fromPosition ?? 0n, reached + 1n);
      for await (const stored of auditLogEvents(context, { ...criteria, fromPosition }, included, pageSize)) {
        if (signal.aborted) return;
        yield auditLogItem(stored, language);
        quietSince = performance.now();
      }
      // Past every event up to `included`, those the criteria leave out too: they are not read again.
      reached = included;
    } else {
      const untilIdle = Math.max(0, quietSince + idleMs - performance.now());
      await context.projections.waitFor(reached + 1n, untilIdle, signal);
    }
    if (!signal.aborted && performance.now() - quietSince >= idleMs) {
      yield AUDIT_LOG_IDLE;
      quietSince = performance.now();
    }
  }
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

import { parseInstant, parsePosition } from './query-parameters';

/** The names of the audit log's filters, as query parameters of /events and /audit/export. */
export const AUDIT_LOG_CRITERIA_NAMES = [
  'type',
  'projectId',
  'missionCode',
  'actor',
  'recordedFrom',
  'recordedTo',
  'fromPosition',
  'toPosition',
] as const;

/** What the audit log selects: /events pages through it, the exports stream it. */
export interface AuditLogCriteria {
  readonly type?: string;
  readonly projectId?: string;
  /** The mission's events and its projects'. */
  readonly missionCode?: string;
  /** An actor id. */
  readonly actor?: string;
  /** ISO instants, in UTC milliseconds. */
  readonly recordedFrom?: string;
  readonly recordedTo?: string;
  readonly fromPosition?: bigint;
  readonly toPosition?: bigint;
}

/** The audit log's filters as text: a query string's, or the command line's. */
export type AuditLogFilters = { readonly [Name in (typeof AUDIT_LOG_CRITERIA_NAMES)[number]]?: string };

/** The filters parsed, those given only. */
export function parseAuditLogCriteria(filters: AuditLogFilters): AuditLogCriteria {
  const criteria: Record<string, unknown> = {
    type: filters.type,
    projectId: filters.projectId,
    missionCode: filters.missionCode,
    actor: filters.actor,
    recordedFrom: optional(filters.recordedFrom, 'recordedFrom', parseInstant),
    recordedTo: optional(filters.recordedTo, 'recordedTo', parseInstant),
    fromPosition: optional(filters.fromPosition, 'fromPosition', parsePosition),
    toPosition: optional(filters.toPosition, 'toPosition', parsePosition),
  };
  return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined)) as AuditLogCriteria;
}

function optional<T>(raw: string | undefined, parameter: string, parse: (raw: string, parameter: string) => T) {
  return raw === undefined ? undefined : parse(raw, parameter);
}

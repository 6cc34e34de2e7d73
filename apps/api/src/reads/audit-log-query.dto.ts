import { AUDIT_LOG_PAGE, parseInstant, parsePosition, type AuditLogQuery } from '@portfolio/read-models';
import { LimitField, MinPositionField, QueryField } from '../http/query-fields';

/** GET /events: a page of the audit log and its filters (the exports take the same filters). */
export class AuditLogQueryDto implements AuditLogQuery {
  @LimitField(AUDIT_LOG_PAGE)
  limit?: number;

  @QueryField({ parse: parsePosition, description: 'position: nextCursor of the previous page' })
  after?: bigint;

  @QueryField()
  type?: string;

  @QueryField()
  projectId?: string;

  @QueryField({ description: "the mission's events and its projects'" })
  missionCode?: string;

  @QueryField({ description: 'actor id' })
  actor?: string;

  @QueryField({ parse: parseInstant })
  recordedFrom?: string;

  @QueryField({ parse: parseInstant })
  recordedTo?: string;

  @QueryField({ parse: parsePosition })
  fromPosition?: bigint;

  @QueryField({ parse: parsePosition })
  toPosition?: bigint;

  @MinPositionField()
  minPosition?: bigint;
}

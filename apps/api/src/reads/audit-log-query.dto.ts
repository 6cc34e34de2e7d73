import { AUDIT_LOG_PAGE, parsePosition, type AuditLogQuery } from '@portfolio/read-models';
import { LimitField, MinPositionField, QueryField } from '../http/query-fields';
import { AuditLogCriteriaDto } from './audit-log-criteria.dto';

/** GET /events: a page of the audit log and its filters (the exports take the same filters). */
export class AuditLogQueryDto extends AuditLogCriteriaDto implements AuditLogQuery {
  @LimitField(AUDIT_LOG_PAGE)
  limit?: number;

  @QueryField({ parse: parsePosition, description: 'position: nextCursor of the previous page' })
  after?: bigint;

  @MinPositionField()
  minPosition?: bigint;
}

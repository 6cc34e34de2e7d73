import { parseInstant, parsePosition, type AuditLogCriteria } from '@portfolio/read-models';
import { QueryField } from '../http/query-fields';

/** The audit log's filters, as GET /events and GET /events/stream take them. */
export class AuditLogCriteriaDto implements AuditLogCriteria {
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
}

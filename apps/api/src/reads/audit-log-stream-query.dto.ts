import { parsePosition } from '@portfolio/read-models';
import { QueryField } from '../http/query-fields';
import { AuditLogCriteriaDto } from './audit-log-criteria.dto';

/** GET /events/stream: the filters of /events, and where to start. */
export class AuditLogStreamQueryDto extends AuditLogCriteriaDto {
  @QueryField({
    parse: parsePosition,
    description:
      'start after this position (the id of the last event received), for clients that cannot send Last-Event-ID; ' +
      'Last-Event-ID wins when both are given. Neither: only the events recorded from now on',
  })
  after?: bigint;
}

import {
  MILESTONE_LIST_PAGE,
  parseMilestoneCursor,
  type MilestoneCursor,
  type MilestoneListQuery,
} from '@portfolio/read-models';
import { BooleanField, LimitField, QueryField } from '../http/query-fields';
import { TemporalQueryDto } from './temporal-query.dto';

export class MilestoneListQueryDto extends TemporalQueryDto implements MilestoneListQuery {
  @BooleanField('true: only those due before `at` and not reached as known at asOf; false: only the others')
  overdue?: boolean;

  @LimitField(MILESTONE_LIST_PAGE)
  limit?: number;

  @QueryField({ name: 'cursor', parse: parseMilestoneCursor, description: 'nextCursor of the previous page' })
  after?: MilestoneCursor;
}

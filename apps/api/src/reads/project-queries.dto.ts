import type { Health, Territory } from '@portfolio/domain';
import {
  PROJECT_EVENTS_PAGE,
  PROJECT_HEALTHS,
  PROJECT_LIST_PAGE,
  PROJECT_STATUSES,
  parseChoice,
  parseCursor,
  parsePosition,
  parseTerritory,
  type IndicatorSeriesQuery,
  type ProjectEventsQuery,
  type ProjectListQuery,
} from '@portfolio/read-models';
import { LimitField, QueryField } from '../http/query-fields';
import { TemporalQueryDto } from './temporal-query.dto';

export class ProjectListQueryDto extends TemporalQueryDto implements ProjectListQuery {
  @LimitField(PROJECT_LIST_PAGE)
  limit?: number;

  @QueryField({ name: 'cursor', parse: parseCursor, description: 'nextCursor of the previous page' })
  after?: string;

  @QueryField({ parse: parseChoice(PROJECT_STATUSES), enum: PROJECT_STATUSES })
  status?: ProjectListQuery['status'];

  @QueryField({ parse: parseChoice(PROJECT_HEALTHS), enum: PROJECT_HEALTHS })
  health?: Health;

  @QueryField()
  missionCode?: string;
}

/** A page of a project's history or replay. */
export class ProjectEventsQueryDto extends TemporalQueryDto implements ProjectEventsQuery {
  @LimitField(PROJECT_EVENTS_PAGE)
  limit?: number;

  @QueryField({ parse: parsePosition, description: 'revision: nextCursor of the previous page' })
  after?: bigint;
}

export class IndicatorSeriesQueryDto extends TemporalQueryDto implements IndicatorSeriesQuery {
  @QueryField({ parse: parseTerritory, description: 'level:code, default national:FR' })
  territory?: Territory;
}

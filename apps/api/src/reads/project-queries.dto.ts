import type { Health, Territory } from '@portfolio/domain';
import {
  PROJECT_EVENTS_PAGE,
  PROJECT_HEALTHS,
  PROJECT_LIST_PAGE,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  SEARCH_MAX_LENGTH,
  parseChoice,
  parseCursor,
  parsePosition,
  parseSearch,
  parseTerritory,
  type IndicatorSeriesQuery,
  type ProjectEventsQuery,
  type ProjectFilter,
  type ProjectListQuery,
  type ProjectSort,
} from '@portfolio/read-models';
import { BooleanField, ChoicesField, LimitField, QueryField } from '../http/query-fields';
import { TemporalQueryDto } from './temporal-query.dto';

/** Which projects to show, at (at, asOf): GET /portfolio takes these, GET /projects these and more. */
export class ProjectFilterQueryDto extends TemporalQueryDto implements ProjectFilter {
  @QueryField({
    parse: parseSearch,
    description: `text in the title or the objective, accents and case aside (égalité = EGALITE); 1 to ${SEARCH_MAX_LENGTH} characters`,
  })
  q?: string;

  @ChoicesField(PROJECT_HEALTHS, 'any of these colours at `at`, comma-separated; closed projects have none')
  health?: Health[];

  @BooleanField('true: with a milestone overdue at `at` (due, not reached as known at asOf); false: without one')
  late?: boolean;
}

export class ProjectListQueryDto extends ProjectFilterQueryDto implements ProjectListQuery {
  @LimitField(PROJECT_LIST_PAGE)
  limit?: number;

  @QueryField({ name: 'cursor', parse: parseCursor, description: 'nextCursor of the previous page' })
  after?: string;

  @QueryField({ parse: parseChoice(PROJECT_STATUSES), enum: PROJECT_STATUSES })
  status?: ProjectListQuery['status'];

  @QueryField()
  missionCode?: string;

  @QueryField({
    parse: parseChoice(PROJECT_SORTS),
    enum: PROJECT_SORTS,
    description:
      'order: a key, descending with a leading -; health puts red first and closed projects last, overdue counts ' +
      'overdue milestones; ties by project id; default projectId',
  })
  sort?: ProjectSort;
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

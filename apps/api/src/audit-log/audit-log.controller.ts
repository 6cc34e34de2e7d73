import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EVENT_CRITERIA_NAMES, ReadModelQueries } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { queryParameters, READER_ROLES } from '../http/read-queries';

export const EVENT_FILTERS = ['after', 'limit', ...EVENT_CRITERIA_NAMES] as const;

@ApiTags('audit')
@Controller('events')
@Roles(...READER_ROLES)
export class AuditLogController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get()
  @ApiQuery({ name: 'after', required: false, description: 'position: nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000, default 100' })
  @ApiQuery({ name: 'type', required: false })
  @ApiQuery({ name: 'projectId', required: false })
  @ApiQuery({ name: 'missionCode', required: false, description: "the mission's events and its projects'" })
  @ApiQuery({ name: 'actor', required: false, description: 'actor id' })
  @ApiQuery({ name: 'recordedFrom', required: false })
  @ApiQuery({ name: 'recordedTo', required: false })
  @ApiQuery({ name: 'fromPosition', required: false })
  @ApiQuery({ name: 'toPosition', required: false })
  @ApiOkResponse({ description: 'a page of the audit log, oldest first, and nextCursor' })
  events(@Query() query: Record<string, unknown>) {
    return this.queries.events(queryParameters(query, EVENT_FILTERS));
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ReadModelQueries } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { IndicatorParams, ProjectParams } from '../http/params.dto';
import { queryParameters, READER_ROLES, TEMPORAL, TemporalRead } from '../http/read-queries';

const PAGE = ['after', 'limit'] as const;

@ApiTags('projects')
@Controller('projects')
@Roles(...READER_ROLES)
export class ReadProjectsController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get()
  @TemporalRead()
  @ApiQuery({ name: 'missionCode', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'closed'] })
  @ApiQuery({ name: 'health', required: false, enum: ['green', 'amber', 'red'] })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 500, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ description: 'a page of project summaries, by project id' })
  list(@Query() query: Record<string, unknown>) {
    const q = queryParameters(query, [...TEMPORAL, 'missionCode', 'status', 'health', 'limit', 'cursor'] as const);
    return this.queries.projects(q, q);
  }

  @Get(':projectId')
  @TemporalRead()
  @ApiOkResponse({ description: 'the project at (at, asOf): plan, milestones, indicators with progress, health' })
  detail(@Param() params: ProjectParams, @Query() query: Record<string, unknown>) {
    return this.queries.project(params.projectId, queryParameters(query, TEMPORAL));
  }

  @Get(':projectId/history')
  @TemporalRead()
  @ApiQuery({ name: 'after', required: false, description: 'revision: nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000, default 100' })
  @ApiOkResponse({ description: "the project's events with metadata and a one-line summary each" })
  history(@Param() params: ProjectParams, @Query() query: Record<string, unknown>) {
    return this.queries.history(params.projectId, queryParameters(query, [...TEMPORAL, ...PAGE] as const));
  }

  @Get(':projectId/replay')
  @TemporalRead()
  @ApiQuery({ name: 'after', required: false, description: 'revision: nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000, default 100' })
  @ApiOkResponse({ description: 'each event of the project with the project as it stood right after it' })
  replay(@Param() params: ProjectParams, @Query() query: Record<string, unknown>) {
    return this.queries.replay(params.projectId, queryParameters(query, [...TEMPORAL, ...PAGE] as const));
  }

  @Get(':projectId/indicators/:indicatorId/series')
  @TemporalRead()
  @ApiQuery({ name: 'territory', required: false, description: 'level:code, default national:FR' })
  @ApiOkResponse({ description: 'values by period, each with every value recorded for it (restatements)' })
  series(@Param() params: IndicatorParams, @Query() query: Record<string, unknown>) {
    return this.queries.series(
      params.projectId,
      params.indicatorId,
      queryParameters(query, [...TEMPORAL, 'territory'] as const),
    );
  }
}

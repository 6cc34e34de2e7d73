import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import {
  indicatorSeries,
  projectDetailAt,
  projectHistory,
  projectList,
  projectReplay,
  type Language,
  type ReadContext,
} from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { NegotiatesLanguage, ResponseLanguage } from '../http/language';
import { IndicatorParams, ProjectParams } from '../http/params.dto';
import { ReadQuery } from '../http/query-fields';
import { MONITORED_SERIES_NOTE, READER_ROLES, ReadProblems } from '../http/read-queries';
import { IndicatorSeriesQueryDto, ProjectEventsQueryDto, ProjectListQueryDto } from './project-queries.dto';
import { TemporalQueryDto } from './temporal-query.dto';

@ApiTags('projects')
@Controller('projects')
@Roles(...READER_ROLES)
export class ReadProjectsController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get()
  @ReadProblems()
  @ApiOkResponse({
    description: `a page of project summaries, by project id: ${MONITORED_SERIES_NOTE}`,
  })
  list(@ReadQuery(ProjectListQueryDto) query: ProjectListQueryDto) {
    return projectList(this.reads, query);
  }

  @Get(':projectId')
  @ReadProblems()
  @ApiOkResponse({
    description: `the project at (at, asOf): plan, milestones, indicators with progress, health: ${MONITORED_SERIES_NOTE}`,
  })
  detail(@Param() params: ProjectParams, @ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return projectDetailAt(this.reads, params.projectId, query);
  }

  @Get(':projectId/history')
  @ReadProblems()
  @NegotiatesLanguage()
  @ApiOkResponse({
    description:
      "the project's events with metadata and a one-line summary each, in French or English (Accept-Language)",
  })
  history(
    @Param() params: ProjectParams,
    @ReadQuery(ProjectEventsQueryDto) query: ProjectEventsQueryDto,
    @ResponseLanguage() language: Language,
  ) {
    return projectHistory(this.reads, params.projectId, query, language);
  }

  @Get(':projectId/replay')
  @ReadProblems()
  @NegotiatesLanguage()
  @ApiOkResponse({ description: 'each event of the project with the project as it stood right after it' })
  replay(
    @Param() params: ProjectParams,
    @ReadQuery(ProjectEventsQueryDto) query: ProjectEventsQueryDto,
    @ResponseLanguage() language: Language,
  ) {
    return projectReplay(this.reads, params.projectId, query, language);
  }

  @Get(':projectId/indicators/:indicatorId/series')
  @ReadProblems()
  @ApiOkResponse({ description: 'values by period, each with every value recorded for it (restatements)' })
  series(@Param() params: IndicatorParams, @ReadQuery(IndicatorSeriesQueryDto) query: IndicatorSeriesQueryDto) {
    return indicatorSeries(this.reads, params.projectId, params.indicatorId, query);
  }
}

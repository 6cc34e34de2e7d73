import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ProjectDocumentDto } from './portfolio-document.dto';
import { HistoryPageDto, IndicatorSeriesDto, ProjectPageDto, ReplayPageDto } from './read-documents.dto';
import { TemporalQueryDto } from './temporal-query.dto';

@ApiTags('projects')
@Controller('projects')
@Roles(...READER_ROLES)
export class ReadProjectsController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get()
  @ApiOperation({ operationId: 'listProjects', summary: 'A page of project summaries' })
  @ReadProblems()
  @ApiOkResponse({
    type: ProjectPageDto,
    description: `a page of project summaries, by project id: ${MONITORED_SERIES_NOTE}`,
  })
  list(@ReadQuery(ProjectListQueryDto) query: ProjectListQueryDto) {
    return projectList(this.reads, query);
  }

  @Get(':projectId')
  @ApiOperation({ operationId: 'getProject', summary: 'A project: plan, milestones, indicators, health' })
  @ReadProblems({ notFound: 'no such project then' })
  @ApiOkResponse({
    type: ProjectDocumentDto,
    description: `the project at (at, asOf): plan, milestones, indicators with progress, health: ${MONITORED_SERIES_NOTE}`,
  })
  detail(@Param() params: ProjectParams, @ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return projectDetailAt(this.reads, params.projectId, query);
  }

  @Get(':projectId/history')
  @ApiOperation({ operationId: 'getProjectHistory', summary: "A project's events, each summarised" })
  @ReadProblems({ notFound: 'no such project then' })
  @NegotiatesLanguage()
  @ApiOkResponse({
    type: HistoryPageDto,
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
  @ApiOperation({ operationId: 'replayProject', summary: 'A project as it stood after each of its events' })
  @ReadProblems({ notFound: 'no such project then' })
  @NegotiatesLanguage()
  @ApiOkResponse({
    type: ReplayPageDto,
    description: 'each event of the project with the project as it stood right after it',
  })
  replay(
    @Param() params: ProjectParams,
    @ReadQuery(ProjectEventsQueryDto) query: ProjectEventsQueryDto,
    @ResponseLanguage() language: Language,
  ) {
    return projectReplay(this.reads, params.projectId, query, language);
  }

  @Get(':projectId/indicators/:indicatorId/series')
  @ApiOperation({ operationId: 'getIndicatorSeries', summary: "An indicator's values by period, with restatements" })
  @ReadProblems({ notFound: 'no such project or indicator then' })
  @ApiOkResponse({
    type: IndicatorSeriesDto,
    description: 'values by period, each with every value recorded for it (restatements)',
  })
  series(@Param() params: IndicatorParams, @ReadQuery(IndicatorSeriesQueryDto) query: IndicatorSeriesQueryDto) {
    return indicatorSeries(this.reads, params.projectId, params.indicatorId, query);
  }
}

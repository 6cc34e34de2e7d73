import { Controller, Get, Inject, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import {
  committeePack,
  cycleDiff,
  InvalidQueryError,
  namedCycleDiff,
  reviewCycleList,
  reviewCycleReport,
  type ReadContext,
} from '@portfolio/read-models';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { ReadQuery } from '../http/query-fields';
import { READER_ROLES, ReadProblems } from '../http/read-queries';
import { DiffResponse } from './diff-format';
import { NamedCycleDiffDto } from './named-diff.dto';
import { PACK_TABLES, packDownload } from './pack/pack-download';
import { PackQueryDto, PackSchemaQueryDto } from './pack/pack-query.dto';
import { PackResponse } from './pack/pack-response';
import { packTableSchema } from './pack/pack-table-schema';
import { CyclePathDiffDto } from './path-diff.dto';
import { CycleDiffQueryDto, CycleParams } from './review-cycle-queries.dto';
import { PackTableSchemaDto, ReviewCycleListDto, ReviewCycleReportDto } from './read-documents.dto';
import { TemporalQueryDto } from './temporal-query.dto';

@ApiTags('review cycles')
@Controller('review-cycles')
@Roles(...READER_ROLES)
export class ReviewCyclesController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get()
  @ApiOperation({ operationId: 'listReviewCycles', summary: 'The CITP reviews held, with their seals' })
  @ReadProblems()
  @ApiOkResponse({ type: ReviewCycleListDto, description: 'the CITP reviews held, with their seals' })
  list(@ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return reviewCycleList(this.reads, query);
  }

  @Get(':cycleId')
  @ApiOperation({
    operationId: 'getReviewCycle',
    summary: 'A review cycle: the portfolio it saw, what changed, its seal',
  })
  @ReadProblems({ notFound: 'no such review cycle then' })
  @ApiOkResponse({
    type: ReviewCycleReportDto,
    description: 'the portfolio at heldOn as known when held, what changed since the previous cycle, the seal',
  })
  report(@Param() params: CycleParams, @ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return reviewCycleReport(this.reads, params.cycleId, query);
  }

  @Get(':cycleId/diff')
  @ApiOperation({
    operationId: 'diffReviewCycle',
    summary: "What changed from another cycle's portfolio to this one's",
  })
  @ReadProblems({ notFound: 'no such review cycle (either side) then' })
  @DiffResponse(NamedCycleDiffDto, CyclePathDiffDto, "what changed from another cycle's portfolio to this one's")
  diff(@Param() params: CycleParams, @ReadQuery(CycleDiffQueryDto) query: CycleDiffQueryDto) {
    const compare = query.format === 'paths' ? cycleDiff : namedCycleDiff;
    return compare(this.reads, params.cycleId, query);
  }

  @Get('pack/schema')
  @ApiOperation({ operationId: 'getPackSchema', summary: 'The TableSchema of a CSV table of the committee pack' })
  @ReadProblems({ temporal: false })
  @ApiOkResponse({
    type: PackTableSchemaDto,
    description: "the TableSchema (Frictionless) of a CSV table of the committee pack, any cycle's",
  })
  packSchema(@ReadQuery(PackSchemaQueryDto) query: PackSchemaQueryDto) {
    return packTableSchema(PACK_TABLES[query.part ?? 'projects'].columns);
  }

  @Get(':cycleId/pack')
  @ApiOperation({
    operationId: 'getCommitteePack',
    summary: 'The committee pack of a review cycle, as a workbook or CSV',
  })
  @ReadProblems({ notFound: 'no such review cycle then' })
  @PackResponse()
  async pack(
    @Param() params: CycleParams,
    @ReadQuery(PackQueryDto) query: PackQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { format = 'xlsx', part, ...temporal } = query;
    if (format === 'xlsx' && part !== undefined) {
      throw new InvalidQueryError('part', 'part is for format=csv: the workbook holds both tables');
    }
    const report = await reviewCycleReport(this.reads, params.cycleId, temporal);
    const download = await packDownload(committeePack(report), format, part ?? 'projects');
    response.setHeader('Content-Type', download.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`);
    if (download.describedBy !== null) response.setHeader('Link', `<${download.describedBy}>; rel="describedby"`);
    return new StreamableFile(download.body);
  }
}

import { Controller, Get, Inject, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { TemporalQueryDto } from './temporal-query.dto';

@ApiTags('review cycles')
@Controller('review-cycles')
@Roles(...READER_ROLES)
export class ReviewCyclesController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get()
  @ReadProblems()
  @ApiOkResponse({ description: 'the CITP reviews held, with their seals' })
  list(@ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return reviewCycleList(this.reads, query);
  }

  @Get(':cycleId')
  @ReadProblems()
  @ApiOkResponse({
    description: 'the portfolio at heldOn as known when held, what changed since the previous cycle, the seal',
  })
  report(@Param() params: CycleParams, @ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return reviewCycleReport(this.reads, params.cycleId, query);
  }

  @Get(':cycleId/diff')
  @ReadProblems()
  @DiffResponse(NamedCycleDiffDto, CyclePathDiffDto, "what changed from another cycle's portfolio to this one's")
  diff(@Param() params: CycleParams, @ReadQuery(CycleDiffQueryDto) query: CycleDiffQueryDto) {
    const compare = query.format === 'paths' ? cycleDiff : namedCycleDiff;
    return compare(this.reads, params.cycleId, query);
  }

  @Get('pack/schema')
  @ReadProblems({ temporal: false })
  @ApiOkResponse({ description: "the TableSchema (Frictionless) of a CSV table of the committee pack, any cycle's" })
  packSchema(@ReadQuery(PackSchemaQueryDto) query: PackSchemaQueryDto) {
    return packTableSchema(PACK_TABLES[query.part ?? 'projects'].columns);
  }

  @Get(':cycleId/pack')
  @ReadProblems()
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

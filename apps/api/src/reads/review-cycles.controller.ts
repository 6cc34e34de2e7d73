import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import {
  cycleDiff,
  namedCycleDiff,
  reviewCycleList,
  reviewCycleReport,
  type ReadContext,
} from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { ReadQuery } from '../http/query-fields';
import { READER_ROLES, ReadProblems } from '../http/read-queries';
import { DiffResponse } from './diff-format';
import { NamedCycleDiffDto } from './named-diff.dto';
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
}

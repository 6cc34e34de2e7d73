import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ReadModelQueries } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { SlugField } from '../http/fields';
import { queryParameters, READER_ROLES, TEMPORAL, TemporalRead } from '../http/read-queries';

class CycleParams {
  @SlugField() cycleId!: string;
}

@ApiTags('review cycles')
@Controller('review-cycles')
@Roles(...READER_ROLES)
export class ReviewCyclesController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get()
  @TemporalRead()
  @ApiOkResponse({ description: 'the CITP reviews held, with their seals' })
  list(@Query() query: Record<string, unknown>) {
    return this.queries.reviewCycles(queryParameters(query, TEMPORAL));
  }

  @Get(':cycleId')
  @TemporalRead()
  @ApiOkResponse({
    description: 'the portfolio at heldOn as known when held, what changed since the previous cycle, the seal',
  })
  report(@Param() params: CycleParams, @Query() query: Record<string, unknown>) {
    return this.queries.reviewCycle(params.cycleId, queryParameters(query, TEMPORAL));
  }

  @Get(':cycleId/diff')
  @TemporalRead()
  @ApiQuery({ name: 'against', required: false, description: 'another cycle id; default the previous cycle' })
  @ApiOkResponse({ description: "this cycle's portfolio against another's: added, removed, changed" })
  diff(@Param() params: CycleParams, @Query() query: Record<string, unknown>) {
    return this.queries.reviewCycleDiff(params.cycleId, queryParameters(query, [...TEMPORAL, 'against'] as const));
  }
}

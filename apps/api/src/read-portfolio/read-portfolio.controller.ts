import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReadModelQueries, type PortfolioDocument } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { queryParameters, READER_ROLES, TEMPORAL, TemporalRead } from '../http/read-queries';

@ApiTags('portfolio')
@Controller()
@Roles(...READER_ROLES)
export class ReadPortfolioController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get('portfolio')
  @TemporalRead()
  @ApiOkResponse({
    description: 'missions with their projects (status, health, plan, milestones, indicators) and totals',
  })
  portfolio(@Query() query: Record<string, unknown>): Promise<PortfolioDocument> {
    return this.queries.portfolio(queryParameters(query, TEMPORAL));
  }

  @Get('diff')
  @ApiOkResponse({ description: 'the portfolio at (fromAt, fromAsOf) against (toAt, toAsOf): added, removed, changed' })
  diff(@Query() query: Record<string, unknown>) {
    const q = queryParameters(query, ['fromAt', 'fromAsOf', 'toAt', 'toAsOf'] as const);
    return this.queries.diff({ at: q.fromAt, asOf: q.fromAsOf }, { at: q.toAt, asOf: q.toAsOf });
  }
}

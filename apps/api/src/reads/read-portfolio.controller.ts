import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import { portfolioAt, portfolioDiff, type ReadContext } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { ReadQuery } from '../http/query-fields';
import { MONITORED_SERIES_NOTE, READER_ROLES, ReadProblems } from '../http/read-queries';
import { PortfolioDiffQueryDto } from './portfolio-diff-query.dto';
import { TemporalQueryDto } from './temporal-query.dto';

@ApiTags('portfolio')
@Controller()
@Roles(...READER_ROLES)
export class ReadPortfolioController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get('portfolio')
  @ReadProblems()
  @ApiOkResponse({
    description: `missions with their projects (status, health, plan, milestones, indicators) and totals: ${MONITORED_SERIES_NOTE}`,
  })
  portfolio(@ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return portfolioAt(this.reads, query);
  }

  @Get('diff')
  @ReadProblems()
  @ApiOkResponse({ description: 'the portfolio at (fromAt, fromAsOf) against (toAt, toAsOf): added, removed, changed' })
  diff(@ReadQuery(PortfolioDiffQueryDto) query: PortfolioDiffQueryDto) {
    return portfolioDiff(this.reads, {
      from: { at: query.fromAt, asOf: query.fromAsOf },
      to: { at: query.toAt, asOf: query.toAsOf },
      minPosition: query.minPosition,
    });
  }
}

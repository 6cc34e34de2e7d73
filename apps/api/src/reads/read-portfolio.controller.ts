import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import { namedPortfolioDiff, portfolioAt, portfolioDiff, type ReadContext } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { ReadQuery } from '../http/query-fields';
import { MONITORED_SERIES_NOTE, READER_ROLES, ReadProblems } from '../http/read-queries';
import { DiffResponse } from './diff-format';
import { NamedPortfolioDiffDto } from './named-diff.dto';
import { PortfolioPathDiffDto } from './path-diff.dto';
import { PortfolioDocumentDto } from './portfolio-document.dto';
import { PortfolioDiffQueryDto } from './portfolio-diff-query.dto';
import { ProjectFilterQueryDto } from './project-queries.dto';

@ApiTags('portfolio')
@Controller()
@Roles(...READER_ROLES)
export class ReadPortfolioController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get('portfolio')
  @ApiOperation({ operationId: 'getPortfolio', summary: 'The portfolio at a date, as known at a point of the log' })
  @ReadProblems()
  @ApiOkResponse({
    type: PortfolioDocumentDto,
    description:
      'missions with their projects (status, health, plan, milestones, indicators) and totals; filtered, only the ' +
      `missions with a project that matches, and the totals of those projects; ${MONITORED_SERIES_NOTE}`,
  })
  portfolio(@ReadQuery(ProjectFilterQueryDto) query: ProjectFilterQueryDto) {
    return portfolioAt(this.reads, query);
  }

  @Get('diff')
  @ApiOperation({ operationId: 'diffPortfolio', summary: 'What changed in the portfolio between two points in time' })
  @ReadProblems()
  @DiffResponse(NamedPortfolioDiffDto, PortfolioPathDiffDto, 'what changed from (fromAt, fromAsOf) to (toAt, toAsOf)')
  diff(@ReadQuery(PortfolioDiffQueryDto) query: PortfolioDiffQueryDto) {
    const compare = query.format === 'paths' ? portfolioDiff : namedPortfolioDiff;
    return compare(this.reads, {
      from: { at: query.fromAt, asOf: query.fromAsOf },
      to: { at: query.toAt, asOf: query.toAsOf },
      minPosition: query.minPosition,
    });
  }
}

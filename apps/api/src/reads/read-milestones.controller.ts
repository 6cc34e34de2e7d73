import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import { milestoneList, type ReadContext } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { ReadQuery } from '../http/query-fields';
import { READER_ROLES, ReadProblems } from '../http/read-queries';
import { MilestoneListQueryDto } from './milestone-list-query.dto';
import { MilestonePageDto } from './read-documents.dto';

@ApiTags('milestones')
@Controller('milestones')
@Roles(...READER_ROLES)
export class ReadMilestonesController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get()
  @ApiOperation({ operationId: 'listMilestones', summary: 'The milestones of every project, by due date' })
  @ReadProblems()
  @ApiOkResponse({
    type: MilestonePageDto,
    description:
      'a page of the milestones of every project at (at, asOf), by due date, each with its project and days overdue',
  })
  list(@ReadQuery(MilestoneListQueryDto) query: MilestoneListQueryDto) {
    return milestoneList(this.reads, query);
  }
}

import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_CONTEXT } from '@portfolio/application';
import { missionAt, missionsAt, type ReadContext } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { ReadQuery } from '../http/query-fields';
import { READER_ROLES, ReadProblems } from '../http/read-queries';
import { MissionParams } from './mission-params.dto';
import { MissionDocumentDto, MissionListDocumentDto } from './portfolio-document.dto';
import { TemporalQueryDto } from './temporal-query.dto';

const ROLL_UP =
  'roll-up: projects by status, outcome and health, milestones (lateMilestones: overdue or reached late), and ' +
  "progress: the mean of its projects' progress with equal weights (a project's own progress is the mean of its " +
  "live indicators' capped progress, also with equal weights). PILOTE weights each indicator by a share declared " +
  'per indicator, which the ledger does not record. Projects without a live targeted indicator (notApplicable) or without ' +
  'a value yet (notYetMeasured) are left out of the mean and counted apart; closed projects count';

@ApiTags('missions')
@Controller('missions')
@Roles(...READER_ROLES)
export class ReadMissionsController {
  constructor(@Inject(READ_CONTEXT) private readonly reads: ReadContext) {}

  @Get()
  @ApiOperation({ operationId: 'listMissions', summary: 'The missions with their roll-up' })
  @ReadProblems()
  @ApiOkResponse({
    type: MissionListDocumentDto,
    description: `every mission at (at, asOf), by code, with its facts and its ${ROLL_UP}`,
  })
  list(@ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return missionsAt(this.reads, query);
  }

  @Get(':missionCode')
  @ApiOperation({ operationId: 'getMission', summary: 'A mission with its projects and roll-up' })
  @ReadProblems({ notFound: 'no such mission then' })
  @ApiOkResponse({
    type: MissionDocumentDto,
    description: `the mission at (at, asOf) with its projects' summaries, its facts and its ${ROLL_UP}; 404 when not known then`,
  })
  detail(@Param() params: MissionParams, @ReadQuery(TemporalQueryDto) query: TemporalQueryDto) {
    return missionAt(this.reads, params.missionCode, query);
  }
}

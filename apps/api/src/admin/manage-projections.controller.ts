import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionRuntime } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';
import { Problems } from '../http/problems';
import { ProjectionsStatusDto, RebuildStartedDto } from './projections-status.dto';
import { RebuildProjectionsDto } from './rebuild-projections.dto';

@ApiTags('admin')
@Controller('admin/projections')
@Roles('admin')
export class ManageProjectionsController {
  constructor(private readonly runtime: ProjectionRuntime) {}

  @Get()
  @ApiOperation({ operationId: 'getProjectionsStatus', summary: "The projectors' positions and the last rebuild" })
  @ApiOkResponse({
    type: ProjectionsStatusDto,
    description:
      "each projector's position, lag and state, and the last rebuild's progress and parity: whether the read " +
      'models it built equal the live ones at the switch, or the first document that differs',
  })
  status() {
    return this.runtime.status();
  }

  @Post('rebuild')
  @HttpCode(202)
  @Problems(400, [409, 'another instance leads the projections and rebuilds them'], 413, [415, 'not application/json'])
  @ApiOperation({ operationId: 'rebuildProjections', summary: 'Rebuild the read models from the log' })
  @ApiAcceptedResponse({
    type: RebuildStartedDto,
    description:
      'rebuild started: the current read models serve until the new ones catch up and have been compared with them ' +
      '(a rebuild already running is answered as it is)',
  })
  async rebuild(@Body() body: RebuildProjectionsDto) {
    return { rebuild: await this.runtime.rebuild({ expectIdentical: body.expectIdentical === true }) };
  }
}

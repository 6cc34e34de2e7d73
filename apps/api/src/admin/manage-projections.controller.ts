import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProjectionRuntime } from '@portfolio/read-models';
import { Roles } from '../auth/roles.decorator';

@ApiTags('admin')
@Controller('admin/projections')
@Roles('admin')
export class ManageProjectionsController {
  constructor(private readonly runtime: ProjectionRuntime) {}

  @Get()
  @ApiOkResponse({ description: "each projector's position, lag and state, and the rebuild's progress" })
  status() {
    return this.runtime.status();
  }

  @Post('rebuild')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'rebuild started: the current read models serve until the new ones catch up' })
  async rebuild() {
    return { rebuild: await this.runtime.rebuild() };
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CloseProject } from '@portfolio/domain';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from '../http/command-caller.decorator';
import { CommandGateway } from '../http/command-gateway';
import { CommandResponses } from '../http/command-responses';
import { ProjectParams } from '../http/params.dto';
import { CloseProjectDto } from './close-project.dto';

@ApiTags('commands')
@Controller('projects/:projectId/close')
@Roles('programme-office', 'admin')
export class CloseProjectController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(200)
  @CommandResponses({ status: 200, ifMatch: true })
  async close(@Param() params: ProjectParams, @Body() body: CloseProjectDto, @Caller() caller: CommandCaller) {
    const command: CloseProject = { type: 'CloseProject', projectId: params.projectId, ...body };
    return this.commands.send(caller, command, {
      target: { projectId: params.projectId },
    });
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RedesignProject } from '@portfolio/domain';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from '../http/command-caller.decorator';
import { CommandGateway } from '../http/command-gateway';
import { CommandResponses } from '../http/command-responses';
import { ProjectParams } from '../http/params.dto';
import { RedesignProjectDto } from './redesign-project.dto';

@ApiTags('commands')
@Controller('projects/:projectId/redesigns')
@Roles('programme-office', 'admin')
export class RedesignProjectController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(201)
  @CommandResponses({ status: 201, ifMatch: true })
  async redesign(@Param() params: ProjectParams, @Body() body: RedesignProjectDto, @Caller() caller: CommandCaller) {
    const command: RedesignProject = { type: 'RedesignProject', projectId: params.projectId, ...body };
    return this.commands.send(caller, command, {
      target: { projectId: params.projectId },
    });
  }
}

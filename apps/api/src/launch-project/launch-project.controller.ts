import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LaunchProject } from '@portfolio/domain';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from '../http/command-caller.decorator';
import { CommandGateway } from '../http/command-gateway';
import { CommandResponses } from '../http/command-responses';
import { LaunchProjectDto } from './launch-project.dto';

@ApiTags('commands')
@Controller('projects')
@Roles('programme-office', 'admin')
export class LaunchProjectController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(201)
  @CommandResponses({ status: 201, ifMatch: false })
  async launch(@Body() body: LaunchProjectDto, @Caller() caller: CommandCaller) {
    const command: LaunchProject = { type: 'LaunchProject', ...body };
    return this.commands.send(caller, command, {
      target: { projectId: body.projectId },
      location: `/api/v1/projects/${encodeURIComponent(body.projectId)}`,
    });
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReachMilestone } from '@portfolio/domain';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from '../http/command-caller.decorator';
import { CommandGateway } from '../http/command-gateway';
import { CommandResponses } from '../http/command-responses';
import { MilestoneParams } from '../http/params.dto';
import { ReachMilestoneDto } from './reach-milestone.dto';

@ApiTags('commands')
@Controller('projects/:projectId/milestones/:milestoneId/reach')
@Roles('programme-office', 'admin')
export class ReachMilestoneController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(200)
  @CommandResponses({ status: 200, ifMatch: true })
  async reach(@Param() params: MilestoneParams, @Body() body: ReachMilestoneDto, @Caller() caller: CommandCaller) {
    const command: ReachMilestone = { type: 'ReachMilestone', ...params, ...body };
    return this.commands.send(caller, command, {
      target: { projectId: params.projectId },
    });
  }
}

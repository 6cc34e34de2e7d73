import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DefineMission } from '@portfolio/domain';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from '../http/command-caller.decorator';
import { CommandGateway } from '../http/command-gateway';
import { CommandResponses } from '../http/command-responses';
import { DefineMissionDto } from './define-mission.dto';

@ApiTags('commands')
@Controller('missions')
@Roles('programme-office', 'admin')
export class DefineMissionController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(201)
  @CommandResponses({ status: 201, ifMatch: false })
  async define(@Body() body: DefineMissionDto, @Caller() caller: CommandCaller) {
    const command: DefineMission = { type: 'DefineMission', ...body };
    return this.commands.send(caller, command, {
      target: { missionCode: body.missionCode },
      location: `/api/v1/missions/${encodeURIComponent(body.missionCode)}`,
    });
  }
}

import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from './command-caller.decorator';
import { CommandEndpoint } from './command-endpoint.decorator';
import { DefineMissionDto } from './define-mission.dto';
import { LedgerEndpoint } from './ledger-endpoint';

@ApiTags('commands')
@Controller('missions')
@Roles('programme-office', 'admin')
export class MissionCommandsController {
  constructor(private readonly ledger: LedgerEndpoint) {}

  @CommandEndpoint('', {
    status: 201,
    ifMatch: false,
    creates: true,
    operationId: 'defineMission',
    summary: 'Define a mission',
  })
  define(@Body() body: DefineMissionDto, @Caller() caller: CommandCaller) {
    return this.ledger.send(
      caller,
      { type: 'DefineMission', ...body },
      {
        target: { missionCode: body.missionCode },
        location: `/api/v1/missions/${encodeURIComponent(body.missionCode)}`,
      },
    );
  }
}

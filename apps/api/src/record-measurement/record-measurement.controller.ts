import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RecordMeasurements } from '@portfolio/domain';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from '../http/command-caller.decorator';
import { CommandGateway } from '../http/command-gateway';
import { CommandResponses } from '../http/command-responses';
import { IndicatorParams } from '../http/params.dto';
import { RecordMeasurementDto } from './record-measurement.dto';

/** One value of one indicator: a batch of one, so that single and batched measurements follow the same rules. */
@ApiTags('commands')
@Controller('projects/:projectId/indicators/:indicatorId/measurements')
@Roles('programme-office', 'admin')
export class RecordMeasurementController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(201)
  @CommandResponses({ status: 201, ifMatch: true })
  async record(@Param() params: IndicatorParams, @Body() body: RecordMeasurementDto, @Caller() caller: CommandCaller) {
    const command: RecordMeasurements = {
      type: 'RecordMeasurements',
      projectId: params.projectId,
      measurements: [{ indicatorId: params.indicatorId, ...body }],
    };
    return this.commands.send(caller, command, {
      target: { projectId: params.projectId },
    });
  }
}

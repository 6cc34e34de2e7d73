import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RecordMeasurements } from '@portfolio/domain';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from '../http/command-caller.decorator';
import { CommandGateway } from '../http/command-gateway';
import { CommandResponses } from '../http/command-responses';
import { ProjectParams } from '../http/params.dto';
import { RecordMeasurementsDto } from './record-measurements.dto';

@ApiTags('commands')
@Controller('projects/:projectId')
@Roles('programme-office', 'admin')
export class RecordMeasurementsController {
  constructor(private readonly commands: CommandGateway) {}

  // The colon of the custom method (AIP-136 style) is escaped: unescaped it would start a route parameter.
  @Post('measurements\\:batch')
  @HttpCode(201)
  @CommandResponses({ status: 201, ifMatch: true })
  async recordBatch(
    @Param() params: ProjectParams,
    @Body() body: RecordMeasurementsDto,
    @Caller() caller: CommandCaller,
  ) {
    const command: RecordMeasurements = { type: 'RecordMeasurements', projectId: params.projectId, ...body };
    return this.commands.send(caller, command, {
      target: { projectId: params.projectId },
    });
  }
}

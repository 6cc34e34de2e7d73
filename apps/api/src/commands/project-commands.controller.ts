import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { IndicatorParams, MilestoneParams, ProjectParams } from '../http/params.dto';
import { CloseProjectDto } from './close-project.dto';
import { Caller, type CommandCaller } from './command-caller.decorator';
import { CommandEndpoint } from './command-endpoint.decorator';
import { LaunchProjectDto } from './launch-project.dto';
import { LedgerEndpoint } from './ledger-endpoint';
import { ReachMilestoneDto } from './reach-milestone.dto';
import { RecordMeasurementDto, RecordMeasurementsDto } from './record-measurements.dto';
import { RedesignProjectDto } from './redesign-project.dto';

/** Every command on a project: each answers where the project's stream stands after it. */
@ApiTags('commands')
@Controller('projects')
@Roles('programme-office', 'admin')
export class ProjectCommandsController {
  constructor(private readonly ledger: LedgerEndpoint) {}

  @CommandEndpoint('', { status: 201, ifMatch: false })
  launch(@Body() body: LaunchProjectDto, @Caller() caller: CommandCaller) {
    return this.ledger.send(
      caller,
      { type: 'LaunchProject', ...body },
      {
        target: { projectId: body.projectId },
        location: `/api/v1/projects/${encodeURIComponent(body.projectId)}`,
      },
    );
  }

  @CommandEndpoint(':projectId/milestones/:milestoneId/reach', { status: 200, ifMatch: true })
  reachMilestone(@Param() params: MilestoneParams, @Body() body: ReachMilestoneDto, @Caller() caller: CommandCaller) {
    return this.send(caller, params, { type: 'ReachMilestone', ...params, ...body });
  }

  /** One value of one indicator: a batch of one, so that single and batched measurements follow the same rules. */
  @CommandEndpoint(':projectId/indicators/:indicatorId/measurements', { status: 201, ifMatch: true })
  recordMeasurement(
    @Param() { projectId, indicatorId }: IndicatorParams,
    @Body() body: RecordMeasurementDto,
    @Caller() caller: CommandCaller,
  ) {
    return this.send(
      caller,
      { projectId },
      {
        type: 'RecordMeasurements',
        projectId,
        measurements: [{ indicatorId, ...body }],
      },
    );
  }

  // The colon of the custom method (AIP-136 style) is escaped: unescaped it would start a route parameter.
  @CommandEndpoint(':projectId/measurements\\:batch', { status: 201, ifMatch: true })
  recordMeasurements(
    @Param() params: ProjectParams,
    @Body() body: RecordMeasurementsDto,
    @Caller() caller: CommandCaller,
  ) {
    return this.send(caller, params, { type: 'RecordMeasurements', ...params, ...body });
  }

  @CommandEndpoint(':projectId/redesigns', { status: 201, ifMatch: true })
  redesign(@Param() params: ProjectParams, @Body() body: RedesignProjectDto, @Caller() caller: CommandCaller) {
    return this.send(caller, params, { type: 'RedesignProject', ...params, ...body });
  }

  @CommandEndpoint(':projectId/close', { status: 200, ifMatch: true })
  close(@Param() params: ProjectParams, @Body() body: CloseProjectDto, @Caller() caller: CommandCaller) {
    return this.send(caller, params, { type: 'CloseProject', ...params, ...body });
  }

  private send(caller: CommandCaller, { projectId }: ProjectParams, command: Parameters<LedgerEndpoint['send']>[1]) {
    return this.ledger.send(caller, command, { target: { projectId } });
  }
}

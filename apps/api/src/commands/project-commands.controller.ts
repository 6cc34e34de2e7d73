import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  type DomainErrorCode,
  type DomainErrorKind,
} from '@portfolio/domain';
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

type Refusal = new (code: DomainErrorCode, message: string, path?: string) => DomainError;

const REFUSALS: Readonly<Record<DomainErrorKind, Refusal>> = {
  invalid: InvalidInputError as Refusal,
  not_found: NotFoundError as Refusal,
  conflict: ConflictError as Refusal,
  rule: RuleViolationError as Refusal,
};

const SINGLE_ITEM = 'measurements[0].';

/** A single measurement is decided as item 0 of a batch: its refusals name the field of the body as sent. */
function asSingleMeasurement(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.path?.startsWith(SINGLE_ITEM)) return error;
  const Refused = REFUSALS[error.kind];
  return new Refused(error.code, error.message.replaceAll(SINGLE_ITEM, ''), error.path.slice(SINGLE_ITEM.length));
}

/** Every command on a project: each answers where the project's stream stands after it. */
@ApiTags('commands')
@Controller('projects')
@Roles('programme-office', 'admin')
export class ProjectCommandsController {
  constructor(private readonly ledger: LedgerEndpoint) {}

  @CommandEndpoint('', {
    status: 201,
    ifMatch: false,
    creates: true,
    operationId: 'launchProject',
    summary: 'Launch a project with its plan',
  })
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

  @CommandEndpoint(':projectId/milestones/:milestoneId/reach', {
    status: 200,
    ifMatch: true,
    operationId: 'reachMilestone',
    summary: 'Record that a milestone was reached',
  })
  reachMilestone(@Param() params: MilestoneParams, @Body() body: ReachMilestoneDto, @Caller() caller: CommandCaller) {
    return this.send(caller, params, { type: 'ReachMilestone', ...params, ...body });
  }

  /** One value of one indicator: a batch of one, so that single and batched measurements follow the same rules. */
  @CommandEndpoint(':projectId/indicators/:indicatorId/measurements', {
    status: 201,
    ifMatch: true,
    operationId: 'recordMeasurement',
    summary: 'Record a value of an indicator',
  })
  recordMeasurement(
    @Param() { projectId, indicatorId }: IndicatorParams,
    @Body() body: RecordMeasurementDto,
    @Caller() caller: CommandCaller,
  ) {
    const command = { type: 'RecordMeasurements' as const, projectId, measurements: [{ indicatorId, ...body }] };
    return this.send(caller, { projectId }, command).catch((error: unknown) => {
      throw asSingleMeasurement(error);
    });
  }

  // The colon of the custom method (AIP-136 style) is escaped: unescaped it would start a route parameter.
  @CommandEndpoint(':projectId/measurements\\:batch', {
    status: 201,
    ifMatch: true,
    operationId: 'recordMeasurements',
    summary: 'Record values of several indicators at once',
  })
  recordMeasurements(
    @Param() params: ProjectParams,
    @Body() body: RecordMeasurementsDto,
    @Caller() caller: CommandCaller,
  ) {
    return this.send(caller, params, { type: 'RecordMeasurements', ...params, ...body });
  }

  @CommandEndpoint(':projectId/redesigns', {
    status: 201,
    ifMatch: true,
    operationId: 'redesignProject',
    summary: "Redesign a project's plan",
  })
  redesign(@Param() params: ProjectParams, @Body() body: RedesignProjectDto, @Caller() caller: CommandCaller) {
    return this.send(caller, params, { type: 'RedesignProject', ...params, ...body });
  }

  @CommandEndpoint(':projectId/close', {
    status: 200,
    ifMatch: true,
    operationId: 'closeProject',
    summary: 'Close a project, completed or abandoned',
  })
  close(@Param() params: ProjectParams, @Body() body: CloseProjectDto, @Caller() caller: CommandCaller) {
    return this.send(caller, params, { type: 'CloseProject', ...params, ...body });
  }

  private send(caller: CommandCaller, { projectId }: ProjectParams, command: Parameters<LedgerEndpoint['send']>[1]) {
    return this.ledger.send(caller, command, { target: { projectId } });
  }
}

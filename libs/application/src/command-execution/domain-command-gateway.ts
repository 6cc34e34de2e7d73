import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  foldMission,
  foldProject,
  missionStream,
  projectStream,
  type DomainCommand,
  type MissionEvent,
  type MissionState,
  type ProjectEvent,
  type ProjectState,
} from '@portfolio/domain';
import { randomUUID } from 'node:crypto';
import { CloseProjectCommand } from '../close-project/close-project.command';
import { DefineMissionCommand } from '../define-mission/define-mission.command';
import { HoldReviewCycleCommand, type HoldReviewCycleRequest } from '../hold-review-cycle/hold-review-cycle.command';
import { LaunchProjectCommand } from '../launch-project/launch-project.command';
import { ReachMilestoneCommand } from '../reach-milestone/reach-milestone.command';
import { RecordMeasurementsCommand } from '../record-measurements/record-measurements.command';
import { RedesignProjectCommand } from '../redesign-project/redesign-project.command';
import { fingerprintCommand, type Actor, type CommandEnvelope } from './command-envelope';
import { CommandExecutor } from './command-executor';
import type { CommandResult } from './command-result';

/** What a batch tool (importer, demo seed) may ask: any domain command, a review cycle without its seal (the handler seals). */
export type LedgerCommand =
  Exclude<DomainCommand, { type: 'HoldReviewCycle' }> | ({ readonly type: 'HoldReviewCycle' } & HoldReviewCycleRequest);

/**
 * Domain commands onto the command bus: the one mapping from a command to its handler, used by the API (with an
 * envelope built from the request) and by tools without HTTP (the CLI's importer and demo seed, whose actor is the
 * tool and whose idempotency keys make a re-run safe).
 */
@Injectable()
export class DomainCommandGateway {
  constructor(
    private readonly bus: CommandBus,
    private readonly executor: CommandExecutor,
  ) {}

  send(command: LedgerCommand, actor: Actor, idempotencyKey: string): Promise<CommandResult> {
    const envelope: CommandEnvelope = {
      actor,
      commandId: idempotencyKey,
      idempotencyKeyGiven: true,
      requestFingerprint: fingerprintCommand(command),
      correlationId: randomUUID(),
    };
    return this.dispatch(command, envelope);
  }

  dispatch(command: LedgerCommand, envelope: CommandEnvelope): Promise<CommandResult> {
    return this.bus.execute(busCommand(command, envelope));
  }

  async project(projectId: string): Promise<ProjectState> {
    return foldProject(await this.executor.history<ProjectEvent>(projectStream(projectId)));
  }

  async mission(missionCode: string): Promise<MissionState> {
    return foldMission(await this.executor.history<MissionEvent>(missionStream(missionCode)));
  }
}

function busCommand(command: LedgerCommand, envelope: CommandEnvelope) {
  switch (command.type) {
    case 'DefineMission':
      return new DefineMissionCommand(command, envelope);
    case 'LaunchProject':
      return new LaunchProjectCommand(command, envelope);
    case 'ReachMilestone':
      return new ReachMilestoneCommand(command, envelope);
    case 'RecordMeasurements':
      return new RecordMeasurementsCommand(command, envelope);
    case 'RedesignProject':
      return new RedesignProjectCommand(command, envelope);
    case 'CloseProject':
      return new CloseProjectCommand(command, envelope);
    case 'HoldReviewCycle':
      return new HoldReviewCycleCommand(
        { cycleId: command.cycleId, title: command.title, heldOn: command.heldOn },
        envelope,
      );
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

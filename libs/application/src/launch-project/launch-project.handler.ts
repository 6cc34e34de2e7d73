import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideLaunchProject,
  foldMission,
  foldProject,
  missionStream,
  projectStream,
  type MissionEvent,
} from '@portfolio/domain';
import { CommandExecutor } from '../command-execution/command-executor';
import type { CommandResult } from '../command-execution/command-result';
import { LaunchProjectCommand } from './launch-project.command';

@CommandHandler(LaunchProjectCommand)
export class LaunchProjectHandler implements ICommandHandler<LaunchProjectCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ payload, envelope }: LaunchProjectCommand): Promise<CommandResult> {
    // A mission is never undefined once defined, so reading it before the project's retry loop is safe.
    const mission = foldMission(await this.executor.history<MissionEvent>(missionStream(payload.missionCode)));
    return this.executor.execute({
      streamId: projectStream(payload.projectId),
      envelope,
      fold: foldProject,
      decide: (project, context) => decideLaunchProject(project, mission, payload, context),
    });
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCloseProject, foldProject, projectStream } from '@portfolio/domain';
import { CommandExecutor } from '../command-execution/command-executor';
import type { CommandResult } from '../command-execution/command-result';
import { CloseProjectCommand } from './close-project.command';

@CommandHandler(CloseProjectCommand)
export class CloseProjectHandler implements ICommandHandler<CloseProjectCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ payload, envelope }: CloseProjectCommand): Promise<CommandResult> {
    return this.executor.execute({
      streamId: projectStream(payload.projectId),
      envelope,
      fold: foldProject,
      decide: (state, context) => decideCloseProject(state, payload, context),
    });
  }
}

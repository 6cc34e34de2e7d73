import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideRedesignProject, foldProject, projectStream } from '@portfolio/domain';
import { CommandExecutor } from '../command-execution/command-executor';
import type { CommandResult } from '../command-execution/command-result';
import { RedesignProjectCommand } from './redesign-project.command';

@CommandHandler(RedesignProjectCommand)
export class RedesignProjectHandler implements ICommandHandler<RedesignProjectCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ payload, envelope }: RedesignProjectCommand): Promise<CommandResult> {
    return this.executor.execute({
      streamId: projectStream(payload.projectId),
      envelope,
      fold: foldProject,
      decide: (state, context) => decideRedesignProject(state, payload, context),
    });
  }
}

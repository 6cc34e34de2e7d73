import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideReachMilestone, foldProject, projectStream } from '@portfolio/domain';
import { CommandExecutor } from '../command-execution/command-executor';
import type { CommandResult } from '../command-execution/command-result';
import { ReachMilestoneCommand } from './reach-milestone.command';

@CommandHandler(ReachMilestoneCommand)
export class ReachMilestoneHandler implements ICommandHandler<ReachMilestoneCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ payload, envelope }: ReachMilestoneCommand): Promise<CommandResult> {
    return this.executor.execute({
      streamId: projectStream(payload.projectId),
      envelope,
      fold: foldProject,
      decide: (state, context) => decideReachMilestone(state, payload, context),
    });
  }
}

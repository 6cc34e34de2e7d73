import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideDefineMission, foldMission, missionStream } from '@portfolio/domain';
import { CommandExecutor } from '../command-execution/command-executor';
import type { CommandResult } from '../command-execution/command-result';
import { DefineMissionCommand } from './define-mission.command';

@CommandHandler(DefineMissionCommand)
export class DefineMissionHandler implements ICommandHandler<DefineMissionCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ payload, envelope }: DefineMissionCommand): Promise<CommandResult> {
    return this.executor.execute({
      streamId: missionStream(payload.missionCode),
      envelope,
      fold: foldMission,
      decide: (state, context) => decideDefineMission(state, payload, context),
    });
  }
}

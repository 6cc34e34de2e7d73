import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideRecordMeasurements, foldProject, projectStream } from '@portfolio/domain';
import { CommandExecutor } from '../command-execution/command-executor';
import type { CommandResult } from '../command-execution/command-result';
import { RecordMeasurementsCommand } from './record-measurements.command';

@CommandHandler(RecordMeasurementsCommand)
export class RecordMeasurementsHandler implements ICommandHandler<RecordMeasurementsCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ payload, envelope }: RecordMeasurementsCommand): Promise<CommandResult> {
    return this.executor.execute({
      streamId: projectStream(payload.projectId),
      envelope,
      fold: foldProject,
      decide: (state, context) => decideRecordMeasurements(state, payload, context),
    });
  }
}

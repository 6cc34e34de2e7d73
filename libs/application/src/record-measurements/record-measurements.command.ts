import { Command } from '@nestjs/cqrs';
import type { RecordMeasurements } from '@portfolio/domain';
import type { CommandEnvelope } from '../command-execution/command-envelope';
import type { CommandResult } from '../command-execution/command-result';

export class RecordMeasurementsCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordMeasurements,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { DefineMission } from '@portfolio/domain';
import type { CommandEnvelope } from '../command-execution/command-envelope';
import type { CommandResult } from '../command-execution/command-result';

export class DefineMissionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: DefineMission,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

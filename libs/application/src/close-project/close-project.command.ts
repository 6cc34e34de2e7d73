import { Command } from '@nestjs/cqrs';
import type { CloseProject } from '@portfolio/domain';
import type { CommandEnvelope } from '../command-execution/command-envelope';
import type { CommandResult } from '../command-execution/command-result';

export class CloseProjectCommand extends Command<CommandResult> {
  constructor(
    readonly payload: CloseProject,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

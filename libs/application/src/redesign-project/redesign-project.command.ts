import { Command } from '@nestjs/cqrs';
import type { RedesignProject } from '@portfolio/domain';
import type { CommandEnvelope } from '../command-execution/command-envelope';
import type { CommandResult } from '../command-execution/command-result';

export class RedesignProjectCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RedesignProject,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { LaunchProject } from '@portfolio/domain';
import type { CommandEnvelope } from '../command-execution/command-envelope';
import type { CommandResult } from '../command-execution/command-result';

export class LaunchProjectCommand extends Command<CommandResult> {
  constructor(
    readonly payload: LaunchProject,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

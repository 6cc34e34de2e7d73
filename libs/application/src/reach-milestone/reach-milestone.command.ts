import { Command } from '@nestjs/cqrs';
import type { ReachMilestone } from '@portfolio/domain';
import type { CommandEnvelope } from '../command-execution/command-envelope';
import type { CommandResult } from '../command-execution/command-result';

export class ReachMilestoneCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ReachMilestone,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

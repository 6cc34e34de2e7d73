import { Command } from '@nestjs/cqrs';
import type { HoldReviewCycle } from '@portfolio/domain';
import type { CommandEnvelope } from '../command-execution/command-envelope';
import type { CommandResult } from '../command-execution/command-result';

/** The review as the programme office asks for it; the seal is computed by the handler. */
export type HoldReviewCycleRequest = Pick<HoldReviewCycle, 'cycleId' | 'title' | 'heldOn'>;

export class HoldReviewCycleCommand extends Command<CommandResult> {
  constructor(
    readonly payload: HoldReviewCycleRequest,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

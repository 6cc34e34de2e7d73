import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideHoldReviewCycle, foldReviewCycle, reviewCycleStream } from '@portfolio/domain';
import { CommandExecutor } from '../command-execution/command-executor';
import type { CommandResult } from '../command-execution/command-result';
import { HistorySealer } from '../seal/history-sealer';
import { HoldReviewCycleCommand } from './hold-review-cycle.command';

@CommandHandler(HoldReviewCycleCommand)
export class HoldReviewCycleHandler implements ICommandHandler<HoldReviewCycleCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly sealer: HistorySealer,
  ) {}

  async execute({ payload, envelope }: HoldReviewCycleCommand): Promise<CommandResult> {
    const seal = await this.sealer.sealUpToHead(payload.cycleId, payload.heldOn);
    return this.executor.execute({
      streamId: reviewCycleStream(payload.cycleId),
      envelope,
      fold: foldReviewCycle,
      decide: (state, context) =>
        decideHoldReviewCycle(state, { type: 'HoldReviewCycle', ...payload, ...seal }, context),
    });
  }
}

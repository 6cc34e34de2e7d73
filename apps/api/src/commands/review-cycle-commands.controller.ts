import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from './command-caller.decorator';
import { CommandEndpoint } from './command-endpoint.decorator';
import { HoldReviewCycleDto } from './hold-review-cycle.dto';
import { LedgerEndpoint } from './ledger-endpoint';

@ApiTags('commands')
@Controller('review-cycles')
@Roles('programme-office', 'admin')
export class ReviewCycleCommandsController {
  constructor(private readonly ledger: LedgerEndpoint) {}

  /** Holds a CITP review and seals the history up to now: a signed Merkle root over every event hash. */
  @CommandEndpoint('', {
    status: 201,
    ifMatch: false,
    creates: true,
    operationId: 'holdReviewCycle',
    summary: 'Hold a CITP review and seal the history',
  })
  hold(@Body() body: HoldReviewCycleDto, @Caller() caller: CommandCaller) {
    return this.ledger.send(
      caller,
      { type: 'HoldReviewCycle', ...body },
      {
        target: { cycleId: body.cycleId },
        location: `/api/v1/review-cycles/${encodeURIComponent(body.cycleId)}`,
      },
    );
  }
}

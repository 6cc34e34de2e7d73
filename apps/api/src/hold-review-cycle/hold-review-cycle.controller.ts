import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { Caller, type CommandCaller } from '../http/command-caller.decorator';
import { CommandGateway } from '../http/command-gateway';
import { CommandResponses } from '../http/command-responses';
import { HoldReviewCycleDto } from './hold-review-cycle.dto';

/** Holds a CITP review and seals the history up to now: a signed Merkle root over every event hash. */
@ApiTags('commands')
@Controller('review-cycles')
@Roles('programme-office', 'admin')
export class HoldReviewCycleController {
  constructor(private readonly commands: CommandGateway) {}

  @Post()
  @HttpCode(201)
  @CommandResponses({ status: 201, ifMatch: false })
  async hold(@Body() body: HoldReviewCycleDto, @Caller() caller: CommandCaller) {
    const command = { type: 'HoldReviewCycle', ...body } as const;
    return this.commands.send(caller, command, {
      target: { cycleId: body.cycleId },
      location: `/api/v1/review-cycles/${encodeURIComponent(body.cycleId)}`,
    });
  }
}

import { Body, Controller, HttpCode, Post, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { WitnessCosignatures, type AcceptedCosignatures } from '@portfolio/audit';
import { Roles } from '../auth/roles.decorator';
import { Problems } from '../http/problems';
import { TakesText } from '../http/request-body.interceptor';

// Witnesses hand their cosignatures of the log's checkpoints back here; the service keeps those that verify.

class AcceptedCosignaturesDto implements AcceptedCosignatures {
  @ApiProperty({ description: 'the size of the checkpoint cosigned' }) treeSize!: number;
  @ApiProperty({
    type: [String],
    description:
      'every cosignature line now stored for that checkpoint; a witness that cosigns it again keeps its first',
  })
  cosignatures!: string[];
}

/** Every problem the intake answers; 401 and 429 come with its roles, and its 403 says theirs too. */
const CosignatureRefusals = () =>
  Problems(
    [400, '`malformed_cosignature`: not a signed note of a checkpoint'],
    [403, 'role not allowed, or `unknown_witness`: no witness key configured here (PORTFOLIO_WITNESS_KEYS) signed it'],
    [404, '`unknown_checkpoint`: this instance signed no checkpoint of that size'],
    [409, '`checkpoint_mismatch`: another checkpoint than the one signed here at that size; `too_many_cosignatures`'],
    413,
    [415, 'not text/plain'],
    [
      422,
      "`invalid_cosignature`: a configured witness key's signature that does not verify, or is dated in the future",
    ],
  );

// Auditors and admins: the witness reads the checkpoints with an auditor token already, and what it hands in is kept
// only if a witness key the operator configured signed the very checkpoint stored here, which no token can forge.
@ApiTags('audit')
@Controller('audit/checkpoint/cosignatures')
@Roles('auditor', 'admin')
export class WitnessCosignaturesController {
  constructor(private readonly intake: WitnessCosignatures) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'addCheckpointCosignatures',
    summary: "Hand in witnesses' cosignatures of a checkpoint",
  })
  @TakesText()
  @ApiConsumes('text/plain')
  @ApiBody({
    description:
      "the cosigned checkpoint: the note GET /audit/checkpoint served (or its text alone, a blank line), then the witness's " +
      'C2SP cosignature/v1 lines, as a log appends the answer of a C2SP tlog-witness add-checkpoint',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: AcceptedCosignaturesDto, description: 'the cosignatures verified and stored' })
  @CosignatureRefusals()
  async add(@Body() note: unknown): Promise<AcceptedCosignatures> {
    if (typeof note !== 'string')
      throw new UnsupportedMediaTypeException('send the cosigned checkpoint note as text/plain');
    return this.intake.accept(note);
  }
}

import { Controller, Get, Header, NotFoundException, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CosignedCheckpoints, type CosignedCheckpoint } from '@portfolio/audit';
import { Roles } from '../auth/roles.decorator';
import { QueryParameter } from '../http/declared-query';
import { ReadProblems } from '../http/read-queries';
import { naturalParameters, WHOLE_NUMBER } from './natural-query';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

class CheckpointTimestampDto {
  @ApiProperty({ description: "the RFC 3161 TimeStampToken over the note's text without signature lines, base64 DER" })
  token!: string;
  @ApiProperty({ description: 'when the TSA says it saw the note text', example: '2026-12-03T18:00:01.000Z' })
  genTime!: string;
}

class CheckpointDto {
  @ApiProperty({ description: 'leaves of the signed tree: the first treeSize events in position order' })
  treeSize!: number;
  @ApiProperty({ description: 'position of its last event', example: '1159' }) position!: string;
  @ApiProperty({ description: 'RFC 6962 root, lowercase hex' }) root!: string;
  @ApiProperty({ example: '2026-12-03T18:00:00.000Z' }) signedAt!: string;
  @ApiProperty({ description: 'the C2SP signed note (tlog-checkpoint)' }) note!: string;
  @ApiProperty({
    type: CheckpointTimestampDto,
    nullable: true,
    description: 'its time-stamp by the TSA configured (PORTFOLIO_TSA_URL), null when none was obtained',
  })
  timestamp!: CheckpointTimestampDto | null;
  @ApiProperty({
    type: [String],
    description:
      "the witnesses' C2SP cosignature/v1 lines of this checkpoint (`— <witness> <base64>`), each verified when " +
      'handed in; appended to the note they make it the cosigned note GET /audit/checkpoint serves',
  })
  cosignatures!: string[];
}

const toDto = (checkpoint: CosignedCheckpoint): CheckpointDto => ({
  treeSize: checkpoint.treeSize,
  position: checkpoint.position.toString(),
  root: checkpoint.root,
  signedAt: checkpoint.signedAt,
  note: checkpoint.note,
  timestamp:
    checkpoint.timestamp === undefined
      ? null
      : { token: checkpoint.timestamp.token.toString('base64'), genTime: checkpoint.timestamp.genTime },
  cosignatures: [...checkpoint.cosignatures],
});

@ApiTags('audit')
@Controller('audit')
@Roles('auditor', 'admin')
export class CheckpointsController {
  constructor(private readonly checkpoints: CosignedCheckpoints) {}

  @Get('checkpoint')
  @ApiOperation({ operationId: 'getLatestCheckpoint', summary: 'The latest signed checkpoint of the log' })
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    content: { 'text/plain': { schema: { type: 'string' } } },
    description:
      "the latest signed checkpoint of the whole log, a C2SP signed note: the log's signature, then the witnesses' " +
      'cosignatures handed in for it',
  })
  @ReadProblems({ temporal: false, notFound: 'no checkpoint of the log has been signed yet' })
  async latest(): Promise<string> {
    const latest = await this.checkpoints.latestNote();
    if (latest === undefined) throw new NotFoundException('no checkpoint of the log has been signed yet');
    return latest;
  }

  @Get('checkpoints')
  @ApiOperation({ operationId: 'listCheckpoints', summary: 'The signed checkpoints of the log' })
  @QueryParameter({
    name: 'after',
    required: false,
    schema: WHOLE_NUMBER,
    description: 'only checkpoints of a larger tree size',
  })
  @QueryParameter({
    name: 'limit',
    required: false,
    schema: WHOLE_NUMBER,
    description: `default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}`,
  })
  @ApiOkResponse({ type: [CheckpointDto], description: 'the signed checkpoints, smallest tree first' })
  @ReadProblems({ temporal: false })
  async list(@Query() query: Record<string, unknown>): Promise<CheckpointDto[]> {
    const { after, limit = DEFAULT_LIMIT } = naturalParameters(query, ['after', 'limit']);
    const page = await this.checkpoints.list(after, Math.min(Math.max(limit, 1), MAX_LIMIT));
    return page.map(toDto);
  }
}

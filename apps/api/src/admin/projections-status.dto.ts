import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DocumentDifference, ProjectorStatus, RebuildStatus } from '@portfolio/read-models';

// The OpenAPI description of GET /admin/projections and of the rebuild that POST /admin/projections/rebuild starts.

const POSITION = { type: String, description: 'a position of the log, in decimal', example: '1234' };
const DIGEST = { type: String, description: 'SHA-256, hex' };

class ProjectorStatusDto implements ProjectorStatus {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the generation of the read models queries read' }) generation!: number;
  @ApiProperty(POSITION) position!: string;
  @ApiProperty(POSITION) head!: string;
  @ApiProperty({ type: String, description: 'head − position; negative when the log lost events' }) lag!: string;
  @ApiProperty({ enum: ['starting', 'catching_up', 'live', 'standby', 'stalled', 'failed', 'stopped'] })
  state!: ProjectorStatus['state'];
  @ApiPropertyOptional() lastError?: string;
  @ApiPropertyOptional() warning?: string;
}

class DocumentDifferenceDto implements DocumentDifference {
  @ApiProperty({
    description: 'the document named as a person knows it',
    example: 'project hubee: measurement of echanges for national:FR, period 2021-01-31 at position 57',
  })
  document!: string;
  @ApiProperty({ description: 'the read-model table holding it', example: 'rm_measurements' }) table!: string;
  @ApiProperty({ ...POSITION, description: 'the position of the event that made it known' }) position!: string;
  @ApiProperty({ type: Object, nullable: true, description: "the live generation's row, null when it has none" })
  live!: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, description: 'the row projected from the log, null when none' })
  rebuilt!: Record<string, unknown> | null;
}

class ParityDto {
  @ApiProperty({
    ...POSITION,
    description: 'documents made known up to this position were compared: the switch position',
  })
  position!: string;
  @ApiProperty({ description: 'whether every document of the rebuilt generation equals the live one' }) equal!: boolean;
  @ApiPropertyOptional({ description: 'when equal: how many documents were compared' }) documents?: number;
  @ApiPropertyOptional({ ...DIGEST, description: 'when equal: the digest of the documents of both generations' })
  digest?: string;
  @ApiPropertyOptional({ ...DIGEST, description: 'when not equal: the digest of the live documents' })
  liveDigest?: string;
  @ApiPropertyOptional({ ...DIGEST, description: 'when not equal: the digest of the rebuilt documents' })
  rebuiltDigest?: string;
  @ApiPropertyOptional({ description: 'when not equal: how many documents differ' }) differences?: number;
  @ApiPropertyOptional({ type: DocumentDifferenceDto, description: 'when not equal: the one at the lowest position' })
  firstDifference?: DocumentDifferenceDto;
}

class RebuildStatusDto implements Omit<RebuildStatus, 'parity'> {
  @ApiProperty({ description: 'the generation being built' }) generation!: number;
  @ApiProperty({
    enum: ['running', 'switching', 'done', 'failed'],
    description: '`switching` covers the comparison with the live generation, then the switch',
  })
  state!: RebuildStatus['state'];
  @ApiProperty(POSITION) position!: string;
  @ApiProperty(POSITION) target!: string;
  @ApiProperty({ description: 'percent of the log projected into the new generation' }) progress!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiPropertyOptional({ description: 'why it failed, e.g. the first differing document when it expected identical' })
  error?: string;
  @ApiProperty({ description: 'whether it switches only onto read models identical to the live ones' })
  expectIdentical!: boolean;
  @ApiPropertyOptional({ type: ParityDto, description: 'the comparison with the live generation, made at the switch' })
  parity?: ParityDto;
}

export class ProjectionsStatusDto {
  @ApiProperty({ type: [ProjectorStatusDto] }) projectors!: ProjectorStatusDto[];
  @ApiPropertyOptional({ type: RebuildStatusDto, description: 'the last rebuild, running or finished' })
  rebuild?: RebuildStatusDto;
}

export class RebuildStartedDto {
  @ApiProperty({ type: RebuildStatusDto }) rebuild!: RebuildStatusDto;
}

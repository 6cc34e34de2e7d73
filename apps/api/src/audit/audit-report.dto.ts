import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditProblem, AuditReport } from '@portfolio/audit';

// The OpenAPI description of GET /audit/verify: what was checked over the live store, and the first problem found.

const PROBLEM_CODES: readonly AuditProblem['code'][] = [
  'chain_broken',
  'merkle_mismatch',
  'bad_signature',
  'inconsistent_seals',
  'log_truncated',
  'checkpoint_mismatch',
];

class AuditProblemDto implements AuditProblem {
  @ApiProperty({ enum: PROBLEM_CODES }) code!: AuditProblem['code'];
  @ApiProperty({ type: String, description: 'the position of the event concerned', example: '1234' })
  position!: string;
  @ApiPropertyOptional({ example: 'citp-5' }) cycleId?: string;
  @ApiPropertyOptional({ description: 'the size of the signed checkpoint concerned' }) treeSize?: number;
  @ApiProperty() message!: string;
}

export class AuditReportDto implements AuditReport {
  @ApiProperty({ description: 'true when nothing was found wrong' }) ok!: boolean;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ type: String, description: 'the last position checked', example: '1159' }) head!: string;
  @ApiProperty() eventsChecked!: number;
  @ApiProperty() streamsChecked!: number;
  @ApiProperty() sealsChecked!: number;
  @ApiPropertyOptional({ description: 'signed checkpoints found to match the log; absent where none are kept' })
  checkpointsChecked?: number;
  @ApiProperty({ type: AuditProblemDto, nullable: true, description: 'the first problem found, null when ok' })
  problem!: AuditProblemDto | null;
}

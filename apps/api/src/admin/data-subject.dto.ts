import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TextField } from '../http/fields';

// The OpenAPI description and validation of /admin/data-subjects: access to and erasure of a subject's personal data.

/** Longer than any actor id the service records (`oidc:<issuer URL>#<sub>`, `token:<role>:<12 hex>`). */
const SUBJECT_ID_MAX = 512;

export class DataSubjectParams {
  @ApiProperty({
    description: 'the actor id as events record it, URL-encoded: oidc:<issuer>#<sub> or token:<role>:<12 hex>',
    example: 'oidc:https://auth.agentconnect.gouv.fr/api/v2#9f1c',
    maxLength: SUBJECT_ID_MAX,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUBJECT_ID_MAX)
  subjectId!: string;
}

export class EraseDataSubjectDto {
  @TextField({
    long: true,
    description:
      'why the data is erased (an art. 17 request, its ticket): recorded with the erasure, so it must not name the person',
    example: 'demande d’effacement RGPD art. 17, ticket 4521',
  })
  reason!: string;
}

class ErasedByDto {
  @ApiProperty({ description: "the administrator's actor id, or system:retention (an id only: no name)" }) id!: string;
  @ApiProperty({ example: 'admin' }) role!: string;
}

export class ErasureRecordDto {
  @ApiProperty({ description: 'the position of its PersonalDataErased event in the log, in decimal' })
  position!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ErasedByDto }) by!: ErasedByDto;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ enum: ['subject', 'retention'], description: 'an administrator erased the subject, or retention' })
  scope!: string;
  @ApiPropertyOptional({ description: 'retention: the months before this one (YYYY-MM) were erased' }) before?: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date', description: 'the day in Paris it was made' }) erasedOn!: string;
  @ApiProperty({ type: [String], description: 'the months (YYYY-MM) whose keys were deleted' }) periods!: string[];
  @ApiProperty({ type: [String], description: 'the deleted keys, as the envelopes in the log name them' })
  keyIds!: string[];
}

export class ErasureOutcomeDto {
  @ApiProperty() subjectId!: string;
  @ApiProperty({ description: 'true when nothing was left to erase: `erasure` is then the earlier erasure' })
  alreadyErased!: boolean;
  @ApiProperty({ type: ErasureRecordDto }) erasure!: ErasureRecordDto;
}

class EventCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { MilestoneReached: 3 } })
  byType!: Record<string, number>;
}

export class DataSubjectReportDto {
  @ApiProperty() subjectId!: string;
  @ApiProperty({ type: EventCountsDto, description: 'the events the subject recorded, as far as the projections got' })
  events!: EventCountsDto;
  @ApiProperty({
    description: 'events recorded before personal data was sealed: their name is in clear and cannot be erased',
  })
  legacyClearEvents!: number;
  @ApiProperty({ type: [String], description: 'the months (YYYY-MM) whose key still exists', example: ['2026-12'] })
  keyPeriods!: string[];
  @ApiProperty({ description: 'an erasure was recorded and no key was created since' }) erased!: boolean;
  @ApiPropertyOptional({ type: [ErasureRecordDto] }) erasures!: ErasureRecordDto[];
}

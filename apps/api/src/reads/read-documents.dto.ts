import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NamedChangesDto } from './named-diff.dto';
import { MilestoneViewDto, PortfolioDocumentDto, ProjectDetailDto, ProjectSummaryDto } from './portfolio-document.dto';
import { AsOfDto, TemporalStampDto } from './temporal-stamp.dto';

// The OpenAPI description of the other reads: pages of projects, milestones and events, a project's history and
// replay, an indicator's series, a source's releases, the review cycles, the audit log and its verification.

const DATE = { type: String, format: 'date', example: '2021-07-23' };
const POSITION = { type: String, description: 'a position of the log, in decimal', example: '1234' };
const NEXT_CURSOR = {
  type: String,
  nullable: true,
  description: 'pass it as `cursor` (or `after`) for the next page; null on the last page',
};
const JSON_OBJECT = { type: 'object', additionalProperties: true } as const;

/** GET /projects. */
export class ProjectPageDto extends TemporalStampDto {
  @ApiProperty({ type: [ProjectSummaryDto] }) items!: ProjectSummaryDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

class MilestoneListItemDto extends MilestoneViewDto {
  @ApiProperty({ example: 'franceconnect' }) projectId!: string;
  @ApiProperty() projectTitle!: string;
  @ApiProperty({ example: 'IDNUM' }) missionCode!: string;
}

/** GET /milestones. */
export class MilestonePageDto extends TemporalStampDto {
  @ApiProperty({ type: [MilestoneListItemDto] }) items!: MilestoneListItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

export class HistoryItemDto {
  @ApiProperty(POSITION) position!: string;
  @ApiProperty({ type: String, description: "the stream's revision after the event", example: '3' }) revision!: string;
  @ApiProperty({ example: 'MeasurementRecorded' }) type!: string;
  @ApiProperty(DATE) businessDate!: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'one line, in the language negotiated (Content-Language)' }) summary!: string;
  @ApiProperty({ ...JSON_OBJECT, description: "the event's data as recorded" }) data!: unknown;
  @ApiProperty({ ...JSON_OBJECT, description: "the event's metadata (actor, correlation id ...)" }) metadata!: unknown;
}

/** GET /projects/{projectId}/history. */
export class HistoryPageDto extends TemporalStampDto {
  @ApiProperty({ type: [HistoryItemDto] }) items!: HistoryItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

class ReplayItemDto extends HistoryItemDto {
  @ApiProperty({ type: ProjectDetailDto, nullable: true, description: 'the project right after the event' })
  state!: ProjectDetailDto | null;
}

/** GET /projects/{projectId}/replay. */
export class ReplayPageDto extends TemporalStampDto {
  @ApiProperty({ type: [ReplayItemDto] }) items!: ReplayItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

class RecordedValueDto {
  @ApiProperty() value!: number;
  @ApiProperty(POSITION) position!: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the value it restated, null for the first' })
  supersedes!: number | null;
}

class SeriesValueDto {
  @ApiProperty(DATE) period!: string;
  @ApiProperty({ description: 'the value in force: the last recorded' }) value!: number;
  @ApiProperty() restated!: boolean;
  @ApiProperty({ type: [RecordedValueDto] }) recorded!: RecordedValueDto[];
}

/** GET /projects/{projectId}/indicators/{indicatorId}/series. */
export class IndicatorSeriesDto extends TemporalStampDto {
  @ApiProperty() projectId!: string;
  @ApiProperty() indicatorId!: string;
  @ApiProperty({ description: '`level:code`', example: 'national:FR' }) territory!: string;
  @ApiProperty({ type: [SeriesValueDto] }) values!: SeriesValueDto[];
}

class ReleaseSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty(DATE) publishedOn!: string;
  @ApiProperty({ ...POSITION, description: 'the position of the last value recorded from it' }) lastPosition!: string;
  @ApiProperty({ description: 'how many values were recorded from it' }) values!: number;
}

/** GET /sources/{series}/releases. */
export class ReleaseListDto extends TemporalStampDto {
  @ApiProperty() series!: string;
  @ApiProperty({ type: [ReleaseSummaryDto] }) items!: ReleaseSummaryDto[];
}

class SealDto {
  @ApiProperty(POSITION) sealedPosition!: string;
  @ApiProperty({ description: 'RFC 6962 root of every event hash up to sealedPosition' }) merkleRoot!: string;
  @ApiProperty() eventCount!: number;
  @ApiProperty({ description: 'Ed25519 signature, base64' }) signature!: string;
}

class ReviewCycleSummaryDto {
  @ApiProperty({ example: 'citp-5' }) cycleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty(DATE) heldOn!: string;
  @ApiProperty(POSITION) position!: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: SealDto }) seal!: SealDto;
}

/** GET /review-cycles. */
export class ReviewCycleListDto extends TemporalStampDto {
  @ApiProperty({ type: [ReviewCycleSummaryDto] }) items!: ReviewCycleSummaryDto[];
}

class CycleRefDto {
  @ApiProperty({ example: 'citp-4' }) cycleId!: string;
  @ApiProperty(DATE) heldOn!: string;
}

class CycleChangesDto extends NamedChangesDto {
  @ApiProperty({ type: String, nullable: true, description: 'the previous cycle, null for the first' })
  since!: string | null;
  @ApiProperty({ description: 'this cycle' }) until!: string;
}

/** GET /review-cycles/{cycleId}. */
export class ReviewCycleReportDto extends ReviewCycleSummaryDto {
  @ApiProperty(DATE) at!: string;
  @ApiProperty({ type: AsOfDto }) asOf!: AsOfDto;
  @ApiProperty({ type: CycleRefDto, nullable: true }) previousCycle!: CycleRefDto | null;
  @ApiProperty({ type: PortfolioDocumentDto }) portfolio!: PortfolioDocumentDto;
  @ApiProperty({ type: CycleChangesDto }) changes!: CycleChangesDto;
}

class AuditLogItemDto extends HistoryItemDto {
  @ApiProperty({ example: 'project-franceconnect' }) streamId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: "the event's hash in its stream's chain, hex" }) hash!: string;
  @ApiProperty({ description: 'the hash of the event before it in its stream, hex' }) prevHash!: string;
}

/** GET /events. */
export class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogItemDto] }) items!: AuditLogItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

class TableSchemaFieldDto {
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['string', 'integer', 'number', 'date'] }) type!: string;
  @ApiPropertyOptional({ example: '%Y-%m-%d' }) format?: string;
  @ApiPropertyOptional({ description: '`required`, `enum`', type: Object }) constraints?: object;
}

/** GET /review-cycles/pack/schema: a Frictionless TableSchema. */
export class PackTableSchemaDto {
  @ApiProperty({ type: [TableSchemaFieldDto] }) fields!: TableSchemaFieldDto[];
  @ApiProperty({ type: [String], example: [''] }) missingValues!: string[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AsOfDto, TemporalStampDto } from './temporal-stamp.dto';

// The OpenAPI description of the named diffs (GET /diff, GET /review-cycles/{cycleId}/diff): what changed, named by
// project, milestone and indicator. Each list is in project id order.

const DATE = { type: String, format: 'date', example: '2021-07-23' };
const PROJECT_ID = { description: 'the project', example: 'franceconnect' };
const PROJECT_TITLE = { example: 'FranceConnect' };

class LaunchedProjectDto {
  @ApiProperty(PROJECT_ID) projectId!: string;
  @ApiProperty({ example: 'IDNUM' }) missionCode!: string;
  @ApiProperty(PROJECT_TITLE) title!: string;
  @ApiProperty(DATE) launchedOn!: string;
}

class WithdrawnProjectDto {
  @ApiProperty(PROJECT_ID) projectId!: string;
  @ApiProperty({ example: 'IDNUM' }) missionCode!: string;
  @ApiProperty(PROJECT_TITLE) title!: string;
}

class OfProjectDto {
  @ApiProperty(PROJECT_ID) projectId!: string;
  @ApiProperty(PROJECT_TITLE) projectTitle!: string;
}

class ClosedProjectDto extends OfProjectDto {
  @ApiProperty({ enum: ['completed', 'abandoned'] }) outcome!: string;
  @ApiProperty(DATE) closedOn!: string;
  @ApiProperty({ description: 'the note recorded with the closure' }) note!: string;
}

class RedesignDto extends OfProjectDto {
  @ApiProperty({ description: 'the plan version the redesign made' }) planVersion!: number;
  @ApiProperty(DATE) decidedOn!: string;
  @ApiProperty({ type: String, nullable: true, description: 'who decided, e.g. a review cycle' })
  decidedBy!: string | null;
  @ApiProperty({ description: 'the reason recorded with the redesign' }) reason!: string;
}

class NamedMilestoneDto extends OfProjectDto {
  @ApiProperty({ example: 'franceconnect-plus' }) milestoneId!: string;
  @ApiProperty({ example: 'FranceConnect+ with La Poste digital identity' }) title!: string;
  @ApiProperty({ ...DATE, description: 'due date in the plan of the later side (of the earlier, once removed)' })
  dueOn!: string;
}

class ReachedMilestoneDto extends NamedMilestoneDto {
  @ApiProperty(DATE) reachedOn!: string;
  @ApiProperty({ description: 'days past its due date when reached, 0 if on time' }) daysLate!: number;
}

class RescheduledMilestoneDto extends NamedMilestoneDto {
  @ApiProperty({ ...DATE, description: 'due date in the plan of the earlier side' }) previousDueOn!: string;
}

class NamedMilestoneChangesDto {
  @ApiProperty({ type: [ReachedMilestoneDto] }) reached!: ReachedMilestoneDto[];
  @ApiProperty({ type: [NamedMilestoneDto], description: 'added to the plan of a project known on both sides' })
  added!: NamedMilestoneDto[];
  @ApiProperty({ type: [NamedMilestoneDto] }) removed!: NamedMilestoneDto[];
  @ApiProperty({ type: [RescheduledMilestoneDto] }) rescheduled!: RescheduledMilestoneDto[];
}

class IndicatorValueDto {
  @ApiProperty({ description: "rounded to the unit's precision" }) value!: number;
  @ApiProperty({ ...DATE, description: 'end of the measured period' }) period!: string;
}

class IndicatorMoveDto extends OfProjectDto {
  @ApiProperty({ example: 'usagers-franceconnect' }) indicatorId!: string;
  @ApiProperty({ example: 'Citizens with a FranceConnect account' }) label!: string;
  @ApiProperty({ example: 'millions' }) unit!: string;
  @ApiProperty({
    description: 'decimal places of before, after and delta: 2 for percent and scaled units, 1 for durations, 0 else',
    example: 2,
  })
  decimals!: number;
  @ApiProperty({ type: IndicatorValueDto, nullable: true, description: 'latest national value, earlier side' })
  before!: IndicatorValueDto | null;
  @ApiProperty({ type: IndicatorValueDto, nullable: true, description: 'latest national value, later side' })
  after!: IndicatorValueDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'after − before, rounded; null when either is missing' })
  delta!: number | null;
}

class HealthReasonDto {
  @ApiProperty({ enum: ['milestone_overdue', 'indicator_behind'] }) kind!: string;
  @ApiProperty({ enum: ['amber', 'red'], description: 'the colour this reason alone gives' }) colour!: string;
  @ApiPropertyOptional({ description: 'milestone_overdue' }) milestoneId?: string;
  @ApiPropertyOptional({ description: 'milestone_overdue: its title' }) title?: string;
  @ApiPropertyOptional({ ...DATE, description: 'milestone_overdue' }) dueOn?: string;
  @ApiPropertyOptional({ description: 'milestone_overdue: days past due' }) overdueDays?: number;
  @ApiPropertyOptional({ description: 'indicator_behind' }) indicatorId?: string;
  @ApiPropertyOptional({ description: 'indicator_behind: its label' }) label?: string;
  @ApiPropertyOptional({ description: 'indicator_behind: progress toward target, percent, 1 decimal' })
  progress?: number;
  @ApiPropertyOptional({ description: 'indicator_behind: progress expected by then, percent, 1 decimal' })
  expectedProgress?: number;
}

class HealthChangeDto extends OfProjectDto {
  @ApiProperty({ enum: ['green', 'amber', 'red'] }) from!: string;
  @ApiProperty({ enum: ['green', 'amber', 'red'] }) to!: string;
  @ApiProperty({ type: [HealthReasonDto], description: "the health rule's reasons on the later side" })
  reasons!: HealthReasonDto[];
  @ApiProperty({ type: [HealthReasonDto], description: 'its reasons on the earlier side' })
  previousReasons!: HealthReasonDto[];
}

export class NamedChangesDto {
  @ApiProperty({ type: [LaunchedProjectDto], description: 'projects the later side knows and the earlier does not' })
  launched!: LaunchedProjectDto[];
  @ApiProperty({ type: [WithdrawnProjectDto], description: 'projects the earlier side knows and the later does not' })
  withdrawn!: WithdrawnProjectDto[];
  @ApiProperty({ type: [ClosedProjectDto] }) closed!: ClosedProjectDto[];
  @ApiProperty({ type: [RedesignDto], description: 'redesigns the later side knows and the earlier does not' })
  redesigned!: RedesignDto[];
  @ApiProperty({ type: NamedMilestoneChangesDto }) milestones!: NamedMilestoneChangesDto;
  @ApiProperty({ type: [IndicatorMoveDto], description: 'indicators whose latest national value changed' })
  indicatorMoves!: IndicatorMoveDto[];
  @ApiProperty({ type: [HealthChangeDto], description: 'projects active on both sides whose colour changed' })
  healthChanges!: HealthChangeDto[];
}

/** GET /review-cycles/{cycleId}/diff. */
export class NamedCycleDiffDto extends NamedChangesDto {
  @ApiProperty(DATE) at!: string;
  @ApiProperty({ type: AsOfDto }) asOf!: AsOfDto;
  @ApiProperty({ description: 'the cycle compared against', example: 'citp-5' }) from!: string;
  @ApiProperty({ description: 'the cycle named in the path', example: 'citp-6' }) to!: string;
}

/** GET /diff. */
export class NamedPortfolioDiffDto extends NamedChangesDto {
  @ApiProperty({ type: TemporalStampDto }) from!: TemporalStampDto;
  @ApiProperty({ type: TemporalStampDto }) to!: TemporalStampDto;
}

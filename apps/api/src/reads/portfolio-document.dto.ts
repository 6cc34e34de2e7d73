import { ApiProperty } from '@nestjs/swagger';
import { AsOfDto, TemporalStampDto } from './temporal-stamp.dto';

// The OpenAPI description of the documents reviewers read (libs/read-models' views): the portfolio, its missions
// and their projects, as they stood at (at, asOf).

const DATE = { type: String, format: 'date', example: '2021-07-23' };
const NULLABLE_DATE = { ...DATE, nullable: true };
const HEALTH = ['green', 'amber', 'red'];

class ValueOnDto {
  @ApiProperty() value!: number;
  @ApiProperty(DATE) on!: string;
}

class ValueByDto {
  @ApiProperty() value!: number;
  @ApiProperty(DATE) by!: string;
}

class LatestValueDto {
  @ApiProperty() value!: number;
  @ApiProperty({ ...DATE, description: 'end of the measured period' }) period!: string;
}

class ProgressDto {
  @ApiProperty({ description: '(latest − baseline) / (target − baseline) × 100, as computed' }) raw!: number;
  @ApiProperty({ description: 'raw capped to [0, 100]' }) shown!: number;
}

class NationalFromDto {
  @ApiProperty({ enum: ['region', 'departement'] }) level!: string;
  @ApiProperty({ enum: ['sum', 'average'] }) aggregation!: string;
}

class AggregatedFromDto extends NationalFromDto {
  @ApiProperty({ description: 'how many territories the value was made from' }) territories!: number;
}

class RateValueDto {
  @ApiProperty() value!: number;
  @ApiProperty({ ...DATE, description: 'observed for VI and VA, due for a target' }) on!: string;
  @ApiProperty({ enum: ['plan', 'synthesis', 'measurements'], description: 'where the value was taken from' })
  from!: string;
  @ApiProperty({
    type: AggregatedFromDto,
    required: false,
    description: 'present when the value was made from territorial ones, as the indicator’s nationalFrom says',
  })
  aggregated?: AggregatedFromDto;
}

class RateUsesDto {
  @ApiProperty({ type: RateValueDto, description: 'VI' }) initial!: RateValueDto;
  @ApiProperty({ type: RateValueDto, description: 'VA' }) current!: RateValueDto;
  @ApiProperty({ type: RateValueDto, description: 'VC for the global rate, VCA for the annual one' })
  target!: RateValueDto;
}

class RateDto {
  @ApiProperty({ description: 'rounded to two decimals, within [0, 100]' }) percent!: number;
  @ApiProperty({ description: '100 × (VA − VI) / (target − VI), neither rounded nor bounded' }) raw!: number;
  @ApiProperty({ type: RateUsesDto }) uses!: RateUsesDto;
}

class RatesUnavailableDto {
  @ApiProperty({ type: String, nullable: true, description: 'why the global rate is null' }) global!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the annual rate is null' }) annual!: string | null;
}

class IndicatorRatesDto {
  @ApiProperty({ type: RateDto, nullable: true, description: 'taux d’avancement global, toward the final target' })
  global!: RateDto | null;
  @ApiProperty({ type: RateDto, nullable: true, description: 'taux d’avancement annuel, toward the year’s target' })
  annual!: RateDto | null;
  @ApiProperty({ type: RatesUnavailableDto }) unavailable!: RatesUnavailableDto;
}

export class IndicatorViewDto {
  @ApiProperty({ example: 'usagers-franceconnect' }) indicatorId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ example: 'millions' }) unit!: string;
  @ApiProperty({ enum: ['increase', 'decrease'], nullable: true, description: 'null for a monitored series' })
  direction!: string | null;
  @ApiProperty({ type: ValueOnDto, nullable: true, description: 'null when the starting value is not known' })
  baseline!: ValueOnDto | null;
  @ApiProperty({ type: ValueByDto, nullable: true, description: 'null for a monitored series' })
  target!: ValueByDto | null;
  @ApiProperty({
    type: NationalFromDto,
    nullable: true,
    description: 'where national values come from when none is measured nationally; null: measured nationally only',
  })
  nationalFrom!: NationalFromDto | null;
  @ApiProperty({ type: [ValueByDto], description: 'the plan’s targets for the years on the way (VCA), by date' })
  annualTargets!: ValueByDto[];
  @ApiProperty() retired!: boolean;
  @ApiProperty({ type: LatestValueDto, nullable: true, description: 'latest national value known' })
  latest!: LatestValueDto | null;
  @ApiProperty({ description: 'no target: progress does not apply' }) monitoredOnly!: boolean;
  @ApiProperty({ type: ProgressDto, nullable: true, description: 'null while no value is known, and when monitored' })
  progress!: ProgressDto | null;
  @ApiProperty({
    type: IndicatorRatesDto,
    nullable: true,
    description:
      'both rates as PILOTE computes them, with the values used (docs/progress.md); null for a monitored series unless a release published VI, VA and VC',
  })
  rates!: IndicatorRatesDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'where it should be by `at`, percent in [0, 100]' })
  expectedProgress!: number | null;
}

export class MilestoneViewDto {
  @ApiProperty({ example: 'franceconnect-plus' }) milestoneId!: string;
  @ApiProperty() title!: string;
  @ApiProperty(DATE) dueOn!: string;
  @ApiProperty(NULLABLE_DATE) reachedOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) daysLate!: number | null;
  @ApiProperty({ description: 'days past due at `at` while not reached, 0 otherwise' }) overdueDays!: number;
}

class MilestoneCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty() reached!: number;
  @ApiProperty() reachedLate!: number;
  @ApiProperty() overdue!: number;
}

export class ProjectSummaryDto {
  @ApiProperty({ example: 'franceconnect' }) projectId!: string;
  @ApiProperty({ example: 'IDNUM' }) missionCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['active', 'closed'] }) status!: string;
  @ApiProperty({ enum: ['completed', 'abandoned'], nullable: true }) outcome!: string | null;
  @ApiProperty({ enum: HEALTH, nullable: true, description: 'RAG at `at` for an active project; null once closed' })
  health!: string | null;
  @ApiProperty() planVersion!: number;
  @ApiProperty(DATE) launchedOn!: string;
  @ApiProperty(NULLABLE_DATE) closedOn!: string | null;
  @ApiProperty({ type: MilestoneCountsDto }) milestones!: MilestoneCountsDto;
  @ApiProperty({ type: [IndicatorViewDto] }) indicators!: IndicatorViewDto[];
}

class TerritoryViewDto {
  @ApiProperty({ enum: ['region', 'departement'] }) level!: string;
  @ApiProperty({ example: '84', description: 'INSEE code' }) code!: string;
}

class TerritorialRateDto {
  @ApiProperty({ example: 'nombre-creation-ulis' }) indicatorId!: string;
  @ApiProperty({ type: TerritoryViewDto }) territory!: TerritoryViewDto;
  @ApiProperty({ type: RateDto, nullable: true, description: 'against the VI and VC published for the territory' })
  global!: RateDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the global rate is null' }) unavailable!:
    string | null;
}

export class ProjectDetailDto extends ProjectSummaryDto {
  @ApiProperty() objective!: string;
  @ApiProperty() leadOrganisation!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [MilestoneViewDto] }) milestoneList!: MilestoneViewDto[];
  @ApiProperty({
    type: [TerritorialRateDto],
    description: 'each territory’s global rate, for the live indicators a release published territorial values of',
  })
  territorialRates!: TerritorialRateDto[];
}

/** GET /projects/{projectId}. */
export class ProjectDocumentDto extends ProjectDetailDto {
  @ApiProperty(DATE) at!: string;
  @ApiProperty({ type: AsOfDto, description: 'what was known' }) asOf!: AsOfDto;
}

class MissionFactsDto {
  @ApiProperty({ example: 'IDNUM' }) missionCode!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null while its definition is dated after `at`' })
  name!: string | null;
  @ApiProperty({ type: String, nullable: true }) programme!: string | null;
  @ApiProperty(NULLABLE_DATE) definedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
}

class MissionViewDto extends MissionFactsDto {
  @ApiProperty({ type: [ProjectSummaryDto] }) projects!: ProjectSummaryDto[];
}

class HealthCountsDto {
  @ApiProperty() green!: number;
  @ApiProperty() amber!: number;
  @ApiProperty() red!: number;
}

class ProjectTotalsDto {
  @ApiProperty() projects!: number;
  @ApiProperty() active!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() abandoned!: number;
  @ApiProperty({ type: HealthCountsDto }) health!: HealthCountsDto;
  @ApiProperty({ type: MilestoneCountsDto }) milestones!: MilestoneCountsDto;
}

class PortfolioTotalsDto extends ProjectTotalsDto {
  @ApiProperty() missions!: number;
}

/** GET /portfolio. */
export class PortfolioDocumentDto extends TemporalStampDto {
  @ApiProperty({ type: [MissionViewDto] }) missions!: MissionViewDto[];
  @ApiProperty({ type: PortfolioTotalsDto }) totals!: PortfolioTotalsDto;
}

class MissionProgressDto {
  @ApiProperty({ type: Number, nullable: true, description: "mean of its projects' progress, percent" })
  mean!: number | null;
  @ApiProperty({ description: 'projects in the mean' }) measured!: number;
  @ApiProperty({ description: 'projects without a live targeted indicator' }) notApplicable!: number;
  @ApiProperty({ description: 'projects without a value yet' }) notYetMeasured!: number;
}

class MissionRollUpDto extends ProjectTotalsDto {
  @ApiProperty({ description: 'milestones overdue at `at` or reached late' }) lateMilestones!: number;
  @ApiProperty({ type: MissionProgressDto }) progress!: MissionProgressDto;
}

class MissionSummaryDto extends MissionFactsDto {
  @ApiProperty({ type: MissionRollUpDto }) rollUp!: MissionRollUpDto;
}

/** GET /missions. */
export class MissionListDocumentDto extends TemporalStampDto {
  @ApiProperty({ type: [MissionSummaryDto] }) missions!: MissionSummaryDto[];
}

/** GET /missions/{missionCode}. */
export class MissionDocumentDto extends MissionSummaryDto {
  @ApiProperty(DATE) at!: string;
  @ApiProperty({ type: AsOfDto }) asOf!: AsOfDto;
  @ApiProperty({ type: [ProjectSummaryDto] }) projects!: ProjectSummaryDto[];
}

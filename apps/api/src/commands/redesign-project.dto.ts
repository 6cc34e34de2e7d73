import { LIMITS } from '@portfolio/domain';
import { DateField, ListField, NestedField, SlugField, TextField } from '../http/fields';
import { IndicatorDefinitionDto, IndicatorTargetDto, PlannedMilestoneDto } from './plan.dto';

export class MilestoneRescheduleDto {
  @SlugField() milestoneId!: string;
  @DateField({ optional: true, description: 'the date in force; checked when given, filled when not' }) from?: string;
  @DateField() to!: string;
}

export class IndicatorRetargetDto {
  @SlugField() indicatorId!: string;
  @NestedField(() => IndicatorTargetDto, { optional: true, description: 'the target in force; checked when given' })
  from?: IndicatorTargetDto;
  @NestedField(() => IndicatorTargetDto) to!: IndicatorTargetDto;
}

export class MilestoneChangesDto {
  @ListField(() => PlannedMilestoneDto, { optional: true, max: LIMITS.planItems }) added?: PlannedMilestoneDto[];
  @ListField(() => String, { optional: true, max: LIMITS.planItems }) removed?: string[];
  @ListField(() => MilestoneRescheduleDto, { optional: true, max: LIMITS.planItems })
  rescheduled?: MilestoneRescheduleDto[];
}

export class IndicatorChangesDto {
  @ListField(() => IndicatorDefinitionDto, { optional: true, max: LIMITS.planItems }) added?: IndicatorDefinitionDto[];
  @ListField(() => String, { optional: true, max: LIMITS.planItems }) retired?: string[];
  @ListField(() => IndicatorRetargetDto, { optional: true, max: LIMITS.planItems }) retargeted?: IndicatorRetargetDto[];
}

export class PlanChangesDto {
  @TextField({ optional: true, long: true }) objective?: string;
  @NestedField(() => MilestoneChangesDto, { optional: true }) milestones?: MilestoneChangesDto;
  @NestedField(() => IndicatorChangesDto, { optional: true }) indicators?: IndicatorChangesDto;
}

export class RedesignProjectDto {
  @TextField({ long: true, example: 'The scheme gave no convincing results' }) reason!: string;
  @DateField({ example: '2021-07-05' }) decidedOn!: string;
  @TextField({ optional: true, example: 'citp-6' }) decidedBy?: string;
  @NestedField(() => PlanChangesDto) changes!: PlanChangesDto;
}

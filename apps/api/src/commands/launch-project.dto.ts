import { LIMITS } from '@portfolio/domain';
import { IndicatorDefinitionDto, PlannedMilestoneDto } from './plan.dto';
import { DateField, ListField, MissionCodeField, SlugField, TextField } from '../http/fields';

export class LaunchProjectDto {
  @SlugField({ example: 'franceconnect' }) projectId!: string;
  @MissionCodeField() missionCode!: string;
  @TextField({ example: 'FranceConnect' }) title!: string;
  @TextField({ long: true, example: 'One identity for every online public service' }) objective!: string;
  @TextField({ example: 'DINUM' }) leadOrganisation!: string;
  @DateField({ example: '2019-04-25' }) launchedOn!: string;
  @ListField(() => PlannedMilestoneDto, { max: LIMITS.planItems }) milestones!: PlannedMilestoneDto[];
  @ListField(() => IndicatorDefinitionDto, { max: LIMITS.planItems }) indicators!: IndicatorDefinitionDto[];
}

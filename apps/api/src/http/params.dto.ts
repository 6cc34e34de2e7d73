import { SlugField } from './fields';

export class ProjectParams {
  @SlugField() projectId!: string;
}

export class MilestoneParams extends ProjectParams {
  @SlugField() milestoneId!: string;
}

export class IndicatorParams extends ProjectParams {
  @SlugField() indicatorId!: string;
}

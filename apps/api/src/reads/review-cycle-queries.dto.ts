import type { CycleDiffQuery } from '@portfolio/read-models';
import { SlugField } from '../http/fields';
import { QueryField } from '../http/query-fields';
import { TemporalQueryDto } from './temporal-query.dto';

export class CycleParams {
  @SlugField() cycleId!: string;
}

export class CycleDiffQueryDto extends TemporalQueryDto implements CycleDiffQuery {
  @QueryField({ description: 'another cycle id; default the previous cycle' })
  against?: string;
}

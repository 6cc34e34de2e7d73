import type { CycleDiffQuery, DiffFormat } from '@portfolio/read-models';
import { SlugField } from '../http/fields';
import { QueryField } from '../http/query-fields';
import { DiffFormatField } from './diff-format';
import { TemporalQueryDto } from './temporal-query.dto';

export class CycleParams {
  @SlugField() cycleId!: string;
}

export class CycleDiffQueryDto extends TemporalQueryDto implements CycleDiffQuery {
  @QueryField({ description: 'another cycle id; default the previous cycle' })
  against?: string;

  @DiffFormatField()
  format?: DiffFormat;
}

import { parseChoice } from '@portfolio/read-models';
import { QueryField } from '../../http/query-fields';
import { TemporalQueryDto } from '../temporal-query.dto';

export const PACK_FORMATS = ['xlsx', 'csv'] as const;

/** A CSV holds one table: the projects (the default) or the changes; a workbook holds both. */
export const PACK_PARTS = ['projects', 'changes'] as const;

export type PackFormat = (typeof PACK_FORMATS)[number];
export type PackPart = (typeof PACK_PARTS)[number];

function PackPartField(description: string): PropertyDecorator {
  return QueryField({ parse: parseChoice(PACK_PARTS), enum: PACK_PARTS, description });
}

export class PackQueryDto extends TemporalQueryDto {
  @QueryField({
    parse: parseChoice(PACK_FORMATS),
    enum: PACK_FORMATS,
    description: 'xlsx (default): a workbook, one sheet per table; csv: one table, as `part` says',
  })
  format?: PackFormat;

  @PackPartField('with format=csv: projects (default) or changes since the previous cycle')
  part?: PackPart;
}

export class PackSchemaQueryDto {
  @PackPartField('the table described: projects (default) or changes')
  part?: PackPart;
}

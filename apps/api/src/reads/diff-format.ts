import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { DIFF_FORMATS, parseChoice } from '@portfolio/read-models';
import { QueryField } from '../http/query-fields';

/** `format` of a diff: named (the default) or paths; any other value is refused with 400 invalid_query. */
export function DiffFormatField(): PropertyDecorator {
  return QueryField({
    parse: parseChoice(DIFF_FORMATS),
    enum: DIFF_FORMATS,
    description:
      'named (default): what changed, by project, milestone and indicator; paths: every JSON path that differs',
  });
}

/** The 200 of a diff: the named form, or the path form when `format=paths`. */
export function DiffResponse(named: Type, paths: Type, description: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(named, paths),
    ApiOkResponse({
      description: `${description}; named by default, JSON paths with format=paths`,
      schema: { oneOf: [{ $ref: getSchemaPath(named) }, { $ref: getSchemaPath(paths) }] },
    }),
  );
}

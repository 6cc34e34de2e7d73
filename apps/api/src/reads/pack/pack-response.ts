import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { XLSX_MEDIA_TYPE } from './pack-workbook';

const FILE = { schema: { type: 'string', format: 'binary' } };

/** The 200 of GET /review-cycles/{cycleId}/pack: a workbook or a CSV, as an attachment. */
export function PackResponse(): MethodDecorator {
  return applyDecorators(
    ApiProduces(XLSX_MEDIA_TYPE, 'text/csv'),
    ApiOkResponse({
      description:
        'the committee pack, in French: the portfolio as the committee saw it and what changed since the previous ' +
        'cycle; an attachment named pack-{cycleId}.xlsx, or pack-{cycleId}-projets.csv / -changements.csv whose ' +
        'Link header (rel="describedby") names its TableSchema',
      content: { [XLSX_MEDIA_TYPE]: FILE, 'text/csv': FILE },
    }),
  );
}

import type { IsoDate } from '@portfolio/domain';
import { parseAsOf, parseDate, type AsOf, type DiffFormat } from '@portfolio/read-models';
import { MinPositionField, QueryField } from '../http/query-fields';
import { DiffFormatField } from './diff-format';

/** GET /diff: two points of the bi-temporal plane, each parameter named as sent so that a refusal names it. */
export class PortfolioDiffQueryDto {
  @QueryField({ parse: parseDate, description: 'business date of the first side, default today' })
  fromAt?: IsoDate;

  @QueryField({
    parse: parseAsOf,
    description: 'what the first side knew: a position, an ISO instant or a release (series:id); default now',
  })
  fromAsOf?: AsOf;

  @QueryField({ parse: parseDate, description: 'business date of the second side, default today' })
  toAt?: IsoDate;

  @QueryField({
    parse: parseAsOf,
    description: 'what the second side knew: a position, an ISO instant or a release (series:id); default now',
  })
  toAsOf?: AsOf;

  @MinPositionField()
  minPosition?: bigint;

  @DiffFormatField()
  format?: DiffFormat;
}

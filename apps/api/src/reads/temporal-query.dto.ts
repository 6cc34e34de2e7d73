import type { IsoDate } from '@portfolio/domain';
import { parseAsOf, parseDate, type AsOf, type TemporalQuery } from '@portfolio/read-models';
import { MinPositionField, QueryField } from '../http/query-fields';

/** The bi-temporal parameters every read of the portfolio takes (ARCHITECTURE §6–§7). */
export class TemporalQueryDto implements TemporalQuery {
  @QueryField({ parse: parseDate, description: 'business date (YYYY-MM-DD), default today' })
  at?: IsoDate;

  @MinPositionField()
  minPosition?: bigint;

  @QueryField({
    parse: parseAsOf,
    description:
      'what was known: a position, an ISO instant resolved to the last position recorded by then, or a release ' +
      '(series:id, such as barometre:2023-01-19) resolved to the last value recorded from it, as published in it ' +
      '(400 when no value was recorded from it); default now',
  })
  asOf?: AsOf;
}

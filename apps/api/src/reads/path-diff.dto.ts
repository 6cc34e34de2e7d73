import { ApiProperty } from '@nestjs/swagger';
import { AsOfDto, TemporalStampDto } from './temporal-stamp.dto';

// The OpenAPI description of the path diffs (`?format=paths`): every JSON path of the portfolio document that differs.

/** Any JSON value: a combinator keeps @nestjs/swagger from typing it after the property's `unknown` (an object). */
const ANY_JSON = {
  description: 'any JSON value',
  anyOf: [
    { type: 'object' },
    { type: 'array', items: {} },
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'null' },
  ],
};

class PathValueDto {
  @ApiProperty({ example: 'missions[DATA].projects[api-particulier]' }) path!: string;
  @ApiProperty(ANY_JSON) value!: unknown;
}

class PathChangeDto {
  @ApiProperty({ example: 'totals.health.green' }) path!: string;
  @ApiProperty(ANY_JSON) from!: unknown;
  @ApiProperty(ANY_JSON) to!: unknown;
}

class DocumentDiffDto {
  @ApiProperty({ type: [PathValueDto], description: 'only in the later document, with its subtree' })
  added!: PathValueDto[];
  @ApiProperty({ type: [PathValueDto], description: 'only in the earlier document, with its subtree' })
  removed!: PathValueDto[];
  @ApiProperty({ type: [PathChangeDto], description: 'in both, with different values' }) changed!: PathChangeDto[];
}

/** GET /review-cycles/{cycleId}/diff?format=paths. */
export class CyclePathDiffDto extends DocumentDiffDto {
  @ApiProperty({ type: String, format: 'date', example: '2021-07-23' }) at!: string;
  @ApiProperty({ type: AsOfDto }) asOf!: AsOfDto;
  @ApiProperty({ description: 'the cycle compared against', example: 'citp-5' }) from!: string;
  @ApiProperty({ description: 'the cycle named in the path', example: 'citp-6' }) to!: string;
}

/** GET /diff?format=paths. */
export class PortfolioPathDiffDto extends DocumentDiffDto {
  @ApiProperty({ type: TemporalStampDto }) from!: TemporalStampDto;
  @ApiProperty({ type: TemporalStampDto }) to!: TemporalStampDto;
}

import {
  AGGREGATED_LEVELS,
  INDICATOR_DIRECTIONS,
  LIMITS,
  TERRITORIAL_AGGREGATIONS,
  TERRITORY_CODE_PATTERN,
  TERRITORY_LEVELS,
} from '@portfolio/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import {
  BooleanField,
  ChoiceField,
  DateField,
  ListField,
  NestedField,
  NumberField,
  DecimalPlacesField,
  SlugField,
  TextField,
} from '../http/fields';

// Request shapes shared by several commands: the plan of a project and where a value applies.

export class PlannedMilestoneDto {
  @SlugField({ example: 'franceconnect-plus' }) milestoneId!: string;
  @TextField({ example: 'FranceConnect+ open to all services' }) title!: string;
  @DateField({ description: 'planned date', example: '2022-06-30' }) dueOn!: string;
}

export class IndicatorValueAtDto {
  @NumberField({ example: 4106 }) value!: number;
  @DateField({ example: '2021-01-31' }) on!: string;
}

export class IndicatorTargetDto {
  @NumberField({ example: 30000 }) value!: number;
  @DateField({ example: '2022-12-31' }) by!: string;
}

export class NationalFromTerritoriesDto {
  @ChoiceField(AGGREGATED_LEVELS, { description: 'the territories the national value is made from' })
  level!: 'region' | 'departement';

  @ChoiceField(TERRITORIAL_AGGREGATIONS, { description: 'sum for counts, average (unweighted) for shares' })
  aggregation!: 'sum' | 'average';
}

export class IndicatorDefinitionDto {
  @SlugField({ example: 'diagnostics-numeriques' }) indicatorId!: string;
  @TextField({ example: 'Firms with a digital diagnostic and action plan' }) label!: string;
  @TextField({ example: 'firms' }) unit!: string;
  @ChoiceField(INDICATOR_DIRECTIONS, { optional: true, description: 'required with a target' })
  direction?: 'increase' | 'decrease';

  @NestedField(() => IndicatorValueAtDto, { optional: true, description: 'required with a target' })
  baseline?: IndicatorValueAtDto;

  @NestedField(() => IndicatorTargetDto, {
    optional: true,
    description:
      'without a target the indicator is a monitored series: its values are recorded, its progress is "not applicable" ' +
      '(progress null, monitoredOnly true in the read models)',
  })
  target?: IndicatorTargetDto;

  @ListField(() => IndicatorTargetDto, {
    optional: true,
    max: LIMITS.planItems,
    description:
      'the targets of the years on the way (VCA), one a year, only with a target: the annual rate of a value is ' +
      'measured against the target of its year (docs/progress.md)',
  })
  annualTargets?: IndicatorTargetDto[];

  @NestedField(() => NationalFromTerritoriesDto, {
    optional: true,
    description:
      'as PILOTE does for an indicator measured by territory: with no national value known, its rates take the ' +
      'regions’ or départements’ values, summed or averaged (docs/progress.md)',
  })
  nationalFrom?: NationalFromTerritoriesDto;
}

export class TerritoryDto {
  @ChoiceField(TERRITORY_LEVELS) level!: 'national' | 'region' | 'departement';

  @ApiProperty({ description: 'FR nationally, else the INSEE region or département code', example: '84' })
  @IsString()
  @Matches(TERRITORY_CODE_PATTERN, { message: '$property must be an INSEE code (2 or 3 upper-case letters or digits)' })
  code!: string;
}

export class MeasurementReleaseDto {
  @SlugField({ description: 'what is published release after release', example: 'barometre' }) series!: string;
  @SlugField({ description: 'the release within its series', example: '2023-01-19' }) id!: string;
  @DateField({ description: 'the day the release was published', example: '2023-01-19' }) publishedOn!: string;
}

export class PublishedBasisDto {
  @NestedField(() => IndicatorValueAtDto, { optional: true, description: 'VI: the initial value the release used' })
  initial?: IndicatorValueAtDto;

  @NestedField(() => IndicatorTargetDto, { optional: true, description: 'VC: the final target the release used' })
  target?: IndicatorTargetDto;

  @NestedField(() => IndicatorTargetDto, { optional: true, description: "VCA: the year's target the release used" })
  annualTarget?: IndicatorTargetDto;
}

export class MeasurementFieldsDto {
  @NumberField({ example: 16960 }) value!: number;
  @DecimalPlacesField({
    optional: true,
    example: 2,
    description:
      'the decimal places the value is given with, which a JSON number does not keep (12.50: value 12.5, decimals 2); ' +
      'default and minimum: the places the value shows',
  })
  decimals?: number;
  @DateField({ description: 'end of the measured period', example: '2021-06-30' }) period!: string;
  @NestedField(() => TerritoryDto, { optional: true, description: 'defaults to national FR' }) territory?: TerritoryDto;
  @TextField({ optional: true, example: 'Baromètre des résultats de l’action publique' }) source?: string;
  @NestedField(() => MeasurementReleaseDto, {
    optional: true,
    description: 'the published release the value was taken from: asOf=series:id reads as published in it',
  })
  release?: MeasurementReleaseDto;
  @BooleanField({
    optional: true,
    description:
      "the release's published current value of the indicator (a synthesis's VA), kept beside the series: progress is computed from it",
  })
  publishedCurrent?: boolean;
  @NestedField(() => PublishedBasisDto, {
    optional: true,
    description: 'with publishedCurrent: the initial value and targets the release measured its current value against',
  })
  publishedAgainst?: PublishedBasisDto;
}

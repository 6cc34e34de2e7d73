import { ArrayMinSize } from 'class-validator';
import { LIMITS } from '@portfolio/domain';
import { ListField, SlugField } from '../http/fields';
import { MeasurementFieldsDto } from './plan.dto';

export class BatchMeasurementDto extends MeasurementFieldsDto {
  @SlugField({ example: 'diagnostics-numeriques' }) indicatorId!: string;
}

export class RecordMeasurementsDto {
  @ListField(() => BatchMeasurementDto, { max: LIMITS.batchSize, description: 'appended all or none' })
  @ArrayMinSize(1)
  measurements!: BatchMeasurementDto[];
}

/** One value of one indicator, named by the path. */
export class RecordMeasurementDto extends MeasurementFieldsDto {}

import { ArrayMinSize } from 'class-validator';
import { LIMITS } from '@portfolio/domain';
import { ListField, SlugField } from '../http/fields';
import { MeasurementFieldsDto } from '../http/plan.dto';

export class BatchMeasurementDto extends MeasurementFieldsDto {
  @SlugField({ example: 'diagnostics-numeriques' }) indicatorId!: string;
}

export class RecordMeasurementsDto {
  @ListField(() => BatchMeasurementDto, { max: LIMITS.batchSize, description: 'appended all or none' })
  @ArrayMinSize(1)
  measurements!: BatchMeasurementDto[];
}

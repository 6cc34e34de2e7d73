import { MeasurementFieldsDto } from '../http/plan.dto';

export class RecordMeasurementDto extends MeasurementFieldsDto {}

import { PROJECT_OUTCOMES } from '@portfolio/domain';
import { ChoiceField, DateField, TextField } from '../http/fields';

export class CloseProjectDto {
  @ChoiceField(PROJECT_OUTCOMES) outcome!: 'completed' | 'abandoned';
  @DateField({ example: '2021-12-15' }) closedOn!: string;
  @TextField({ long: true, example: 'Delivered: the catalogue is in service' }) note!: string;
}

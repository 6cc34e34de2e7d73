import { DateField, TextField } from '../http/fields';

export class ReachMilestoneDto {
  @DateField({ example: '2021-05-31' }) reachedOn!: string;
  @TextField({ optional: true, long: true, example: 'GouvTech catalogue online with 400+ products' }) evidence?: string;
}

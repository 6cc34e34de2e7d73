import { DateField, SlugField, TextField } from '../http/fields';

export class HoldReviewCycleDto {
  @SlugField({ example: 'citp-5' }) cycleId!: string;
  @TextField({ example: '5e Comité interministériel de la transformation publique' }) title!: string;
  @DateField({ example: '2021-02-05' }) heldOn!: string;
}

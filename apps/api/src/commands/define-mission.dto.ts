import { DateField, MissionCodeField, TextField } from '../http/fields';

export class DefineMissionDto {
  @MissionCodeField() missionCode!: string;
  @TextField({ example: 'Identité numérique' }) name!: string;
  @TextField({ example: 'Tech.gouv' }) programme!: string;
  @DateField({ example: '2019-04-25' }) definedOn!: string;
  @TextField({ optional: true, long: true }) description?: string;
}

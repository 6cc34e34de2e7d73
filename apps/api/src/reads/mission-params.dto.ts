import { MissionCodeField } from '../http/fields';

export class MissionParams {
  @MissionCodeField() missionCode!: string;
}

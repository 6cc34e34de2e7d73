import { ApiProperty } from '@nestjs/swagger';

/** What a document knew: the last position included and when it was recorded. */
export class AsOfDto {
  @ApiProperty({ type: String, description: 'a position of the log, in decimal', example: '1234' }) position!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt!: string | null;
}

/** Where in time a document stands: its business date and what it knew. */
export class TemporalStampDto {
  @ApiProperty({ type: String, format: 'date', example: '2021-07-23' }) at!: string;
  @ApiProperty({ type: AsOfDto }) asOf!: AsOfDto;
}

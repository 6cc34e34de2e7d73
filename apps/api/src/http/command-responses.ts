import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'milestones[0].dueOn' }) path!: string;
  @ApiProperty({ example: 'dueOn must be a real calendar date written YYYY-MM-DD' }) message!: string;
}

/** RFC 9457 problem details, as every error is answered. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:portfolio-ledger:problem:validation_failed' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/projects' }) instance?: string;
  @ApiProperty({ description: 'stable machine name of the problem', example: 'validation_failed' }) code!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

export class CommandResultDto {
  @ApiPropertyOptional({ example: 'franceconnect' }) projectId?: string;
  @ApiPropertyOptional({ example: 'IDNUM' }) missionCode?: string;
  @ApiPropertyOptional({ example: 'citp-5' }) cycleId?: string;
  @ApiProperty({ description: 'revision of the stream after the command (also the ETag)', example: '3' })
  revision!: string;
  @ApiProperty({ description: 'global position of the last event written', example: '1042' }) position!: string;
  @ApiProperty({
    description: 'events the command appended (0 when it changed nothing; a retry reports the first run)',
    example: 1,
  })
  eventsAppended!: number;
}

const ERRORS: ReadonlyArray<[number, string]> = [
  [400, 'malformed or invalid input (field paths in `errors`)'],
  [401, 'no or bad credentials'],
  [403, 'role not allowed'],
  [404, 'unknown mission, project, milestone or indicator'],
  [409, 'conflict with recorded facts (already launched, already reached, closed ...)'],
  [412, 'If-Match names another revision'],
  [413, 'body too large'],
  [422, 'a domain rule refuses the command, or the Idempotency-Key was used for another request'],
];

/** OpenAPI description shared by every command endpoint: its success, its headers and every problem it can answer. */
export function CommandResponses(options: { readonly status: 200 | 201; readonly ifMatch: boolean }): MethodDecorator {
  const problems = ERRORS.filter(([status]) => options.ifMatch || status !== 412).map(([status, description]) =>
    ApiResponse({
      status,
      description,
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
    }),
  );
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        "a retry with the same key and body returns the first response and appends nothing; a key is the caller's " +
        'own: the same key from another principal is a command of its own; 1 to 128 printable ASCII characters',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'recorded with the events, to trace a request across systems; 1 to 128 printable ASCII characters',
    }),
    ...(options.ifMatch
      ? [ApiHeader({ name: 'If-Match', required: false, description: 'the revision the client saw, e.g. "3"' })]
      : []),
    ApiResponse({
      status: options.status,
      type: CommandResultDto,
      description: 'recorded; ETag carries the new revision',
    }),
    ...problems,
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { Problems, type ProblemAnswer } from './problems';

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

/** Every command's problems; 401, 403 and 429 come with its roles (Roles). */
const COMMAND_PROBLEMS: readonly ProblemAnswer[] = [
  400,
  [404, 'unknown mission, project, milestone or indicator'],
  [409, 'conflict with recorded facts (already launched, already reached, closed ...)'],
  413,
  [415, 'not application/json'],
  [422, 'a domain rule refuses the command, or the Idempotency-Key was used for another request'],
  [503, 'the storage cannot take writes now (disk full, read-only, unreachable); Retry-After'],
];

const ETAG = {
  ETag: { description: 'the revision of the stream after the command, quoted', schema: { type: 'string' } },
};
const LOCATION = { Location: { description: 'the resource the command created', schema: { type: 'string' } } };

export interface CommandOptions {
  readonly status: 200 | 201;
  /** Whether the command takes If-Match (commands on an existing stream). */
  readonly ifMatch: boolean;
  /** Whether the command creates a resource, which Location then names. */
  readonly creates?: boolean;
}

/** OpenAPI description shared by every command endpoint: its success, its headers and every problem it can answer. */
export function CommandResponses(options: CommandOptions): MethodDecorator {
  const preconditionFailed: ProblemAnswer[] = options.ifMatch ? [412] : [];
  return applyDecorators(
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
      headers: { ...ETAG, ...(options.creates === true ? LOCATION : {}) },
    }),
    Problems(...COMMAND_PROBLEMS, ...preconditionFailed),
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';

// The OpenAPI description of the problems an operation answers: one shared schema, one decorator per operation.

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
  @ApiPropertyOptional({ description: 'storage that cannot be written: its fault', example: 'disk_full' })
  cause?: string;
  @ApiPropertyOptional({ description: 'storage that cannot be written: the file or server, never credentials' })
  where?: string;
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 503;

/** What each status means when an operation does not say more. */
const MEANINGS: Readonly<Record<ProblemStatus, string>> = {
  400: 'malformed or invalid input (the fields at fault in `errors`)',
  401: 'no or bad credentials',
  403: 'role not allowed',
  404: 'not known',
  409: 'conflict with recorded facts',
  412: 'If-Match names another revision',
  413: 'body too large',
  415: 'body not in the media type the operation takes',
  422: 'a rule refuses the request',
  429: 'too many failed authentications from this client or with this token lately; try again after Retry-After',
  503: 'not available yet (read models behind, or storage unavailable); try again after Retry-After',
};

/** Problems after which the client may try again, and when. */
const RETRY_AFTER = {
  'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } },
};

/** A status the operation answers, with what it means there when the generic meaning says too little. */
export type ProblemAnswer = ProblemStatus | readonly [ProblemStatus, string];

/** Declares the problems an operation (or every operation of a controller) answers, as application/problem+json. */
export function Problems(...answers: readonly ProblemAnswer[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...answers.map((answer) => {
      const [status, description] = typeof answer === 'number' ? [answer, MEANINGS[answer]] : answer;
      return ApiResponse({
        status,
        description,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      });
    }),
  );
}

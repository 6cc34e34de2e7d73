import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CommandResponses, type CommandOptions } from '../http/command-responses';

/** How a command is named in the OpenAPI document: generated clients call it by its operationId. */
export interface CommandNaming {
  readonly operationId: string;
  readonly summary: string;
}

/** A command: POST at `path`, answered with `status`, described with its headers and every problem it can answer. */
export function CommandEndpoint(path: string, options: CommandOptions & CommandNaming): MethodDecorator {
  const { operationId, summary, ...responses } = options;
  return applyDecorators(
    Post(path),
    HttpCode(options.status),
    ApiOperation({ operationId, summary }),
    CommandResponses(responses),
  );
}

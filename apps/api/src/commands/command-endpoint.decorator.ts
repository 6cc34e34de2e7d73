import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { CommandResponses } from '../http/command-responses';

/** A command: POST at `path`, answered with `status`, described with its headers and every problem it can answer. */
export function CommandEndpoint(
  path: string,
  options: { readonly status: 200 | 201; readonly ifMatch: boolean },
): MethodDecorator {
  return applyDecorators(Post(path), HttpCode(options.status), CommandResponses(options));
}

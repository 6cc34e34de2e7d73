import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem';

/** A batch of 10,000 bad rows would answer megabytes of errors: the first ones are enough to fix the request. */
const ERRORS_LISTED = 100;

/** The request body or parameters failed their DTO's rules; carries the fields at fault (the first hundred). */
export class RequestValidationError extends Error {
  readonly errors: readonly FieldError[];

  constructor(errors: readonly FieldError[]) {
    const listed = errors.slice(0, ERRORS_LISTED);
    const more = errors.length > listed.length ? ` and ${errors.length - listed.length} more` : '';
    super(
      `${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${listed.map((e) => e.path).join(', ')}${more}`,
    );
    this.name = 'RequestValidationError';
    this.errors = listed;
  }
}

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/** Flattens class-validator's tree into `path: message` pairs, e.g. `milestones[0].dueOn`. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = childPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

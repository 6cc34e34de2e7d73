import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem';

/** The request body or parameters failed their DTO's rules; carries every field at fault. */
export class RequestValidationError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(`${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.path).join(', ')}`);
    this.name = 'RequestValidationError';
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

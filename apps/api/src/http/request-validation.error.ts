import type { Language, Localised } from '@portfolio/read-models';
import type { ValidationError } from 'class-validator';
import { frenchFieldMessage } from './field-messages';
import type { FieldError } from './problem';

/** A batch of 10,000 bad rows would answer megabytes of errors: the first ones are enough to fix the request. */
const ERRORS_LISTED = 100;

/** A field at fault, with what is wrong in every language. */
export interface FieldRefusal {
  readonly path: string;
  readonly message: Localised;
}

/** The request body or parameters failed their DTO's rules; carries the fields at fault (the first hundred). */
export class RequestValidationError extends Error {
  readonly fields: readonly FieldRefusal[];
  /** How many fields are at fault, listed or not. */
  readonly count: number;

  constructor(fields: readonly FieldRefusal[]) {
    const listed = fields.slice(0, ERRORS_LISTED);
    const more = fields.length > listed.length ? ` and ${fields.length - listed.length} more` : '';
    super(
      `${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${listed.map((e) => e.path).join(', ')}${more}`,
    );
    this.name = 'RequestValidationError';
    this.fields = listed;
    this.count = fields.length;
  }

  /** The listed fields, each with its message in `language`. */
  errorsIn(language: Language): FieldError[] {
    return this.fields.map((field) => ({ path: field.path, message: field.message[language] }));
  }
}

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/**
 * Flattens class-validator's tree into a refusal per field, e.g. `milestones[0].dueOn`: a field that breaks several
 * rules is listed once, with each rule's message (a note too long and of the wrong form is one invalid field, not two).
 */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldRefusal[] {
  return errors.flatMap((error) => {
    const path = childPath(parent, error.property);
    const rules = Object.entries(error.constraints ?? {});
    const own: FieldRefusal[] =
      rules.length === 0
        ? []
        : [
            {
              path,
              message: {
                en: rules.map(([, message]) => message).join('; '),
                fr: rules.map(([constraint]) => frenchFieldMessage(constraint, path)).join(' ; '),
              },
            },
          ];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { isIsoDate, LIMITS, LONG_TEXT, MISSION_CODE_PATTERN, SHORT_TEXT, SLUG_PATTERN } from '@portfolio/domain';

// Composite decorators: each field's validation and its OpenAPI description come from one place, and from the
// domain's own patterns and limits, so that the DTO and the domain refuse exactly the same values.

interface FieldOptions {
  readonly optional?: boolean;
  readonly description?: string;
  readonly example?: unknown;
}

function documented(options: FieldOptions, schema: Record<string, unknown>): PropertyDecorator {
  const described = { description: options.description, example: options.example, ...schema };
  return options.optional ? ApiPropertyOptional(described) : ApiProperty(described);
}

function presence(options: FieldOptions): PropertyDecorator[] {
  return options.optional ? [IsOptional()] : [];
}

function IsRealIsoDate(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRealIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: () => `${String(propertyName)} must be a real calendar date written YYYY-MM-DD`,
      },
    });
}

export function SlugField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, pattern: SLUG_PATTERN.source }),
    ...presence(options),
    IsString(),
    Matches(SLUG_PATTERN, { message: '$property must be a slug: lower-case letters, digits and dashes, 2 to 64' }),
  );
}

export function MissionCodeField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, pattern: MISSION_CODE_PATTERN.source, example: options.example ?? 'IDNUM' }),
    ...presence(options),
    IsString(),
    Matches(MISSION_CODE_PATTERN, { message: '$property must be upper-case letters, digits, _ or -, 2 to 32' }),
  );
}

export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, format: 'date', example: options.example ?? '2021-06-30' }),
    ...presence(options),
    IsRealIsoDate(),
  );
}

export function TextField(options: FieldOptions & { readonly long?: boolean } = {}): PropertyDecorator {
  // The characters text may hold are the domain's to check (it answers invalid_characters, naming the field).
  const max = (options.long ? LONG_TEXT : SHORT_TEXT).maxLength;
  return applyDecorators(
    documented(options, { type: String, maxLength: max }),
    ...presence(options),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );
}

export function NumberField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: Number }),
    ...presence(options),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a finite number' }),
  );
}

/** Decimal places a value is given with: a whole number up to the domain's limit (the domain checks it against the value). */
export function DecimalPlacesField(options: FieldOptions = {}): PropertyDecorator {
  const message = `$property must be a whole number from 0 to ${LIMITS.decimals}`;
  return applyDecorators(
    documented(options, { type: 'integer', minimum: 0, maximum: LIMITS.decimals }),
    ...presence(options),
    IsInt({ message }),
    Min(0, { message }),
    Max(LIMITS.decimals, { message }),
  );
}

export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: Boolean }),
    ...presence(options),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

export function ChoiceField(choices: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { enum: choices }),
    ...presence(options),
    IsIn([...choices], { message: `$property must be one of ${choices.join(', ')}` }),
  );
}

export function NestedField(type: () => new () => object, options: FieldOptions = {}): PropertyDecorator {
  // @nestjs/swagger takes a function for a lazy type only when it is named `type` (its isLazyTypeFunc): the function
  // handed in here is anonymous, and passed on as is it would be read as the class itself, a $ref with no name.
  const lazy = { type: () => type() };
  return applyDecorators(documented(options, lazy), ...presence(options), ValidateNested(), Type(type));
}

export function ListField(
  type: () => (new () => object) | StringConstructor,
  options: FieldOptions & { readonly max: number },
): PropertyDecorator {
  const item = type();
  const itemRules =
    item === String
      ? [IsString({ each: true }), Matches(SLUG_PATTERN, { each: true, message: 'each of $property must be a slug' })]
      : [ValidateNested({ each: true }), Type(type as () => new () => object)];
  return applyDecorators(
    documented(options, { type: [item], maxItems: options.max }),
    ...presence(options),
    IsArray(),
    ArrayMaxSize(options.max),
    ...itemRules,
  );
}

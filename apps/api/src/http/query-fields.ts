import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { parseBoolean, parseChoices, parseLimit, parsePosition, type PageSize } from '@portfolio/read-models';
import type { Request } from 'express';
import { QueryParameter } from './declared-query';
import { queryParameters } from './read-queries';

// Query DTOs: each parameter's parsing and its OpenAPI description come from one decorator, and the parsing from the
// read library's own functions, which the CLI's options go through too. Query strings bypass the global
// ValidationPipe (its whitelist is for bodies): a bad parameter answers 400 invalid_query, naming it.

/** Text to value, or an InvalidQueryError naming the parameter. */
type Parse = (raw: string, parameter: string) => unknown;

/** The OpenAPI schemas of the parameters that are not plain strings. */
type QuerySchema =
  | { type: 'boolean' }
  | { type: 'integer'; minimum: number; maximum: number }
  | { type: 'array'; items: { type: 'string'; enum: string[] } };

interface QueryFieldOptions {
  /** The parameter's name in the query string, when not the property's. */
  readonly name?: string;
  /** Without it, the text as sent. */
  readonly parse?: Parse;
  readonly description?: string;
  readonly enum?: readonly string[];
  /** The value's OpenAPI schema, when not a string (or one of `enum`). */
  readonly schema?: QuerySchema;
  /** A list sent as one comma-separated value (OpenAPI: form style, not exploded). */
  readonly commaSeparated?: boolean;
}

interface QueryParameter extends QueryFieldOptions {
  /** As sent in the query string. */
  readonly name: string;
  readonly property: string;
  readonly parse: Parse;
}

type QueryDto = new () => object;

const PARAMETERS = new WeakMap<object, readonly QueryParameter[]>();

/** One query parameter of a DTO. */
export function QueryField(options: QueryFieldOptions = {}): PropertyDecorator {
  return (prototype, property) => {
    const declared = PARAMETERS.get(prototype.constructor) ?? [];
    const parameter = {
      ...options,
      name: options.name ?? String(property),
      property: String(property),
      parse: options.parse ?? ((raw: string) => raw),
    };
    PARAMETERS.set(prototype.constructor, [...declared, parameter]);
  };
}

/** The size of a page, within the read's bounds. */
export function LimitField(size: PageSize): PropertyDecorator {
  return QueryField({
    parse: parseLimit(size),
    schema: { type: 'integer', minimum: 1, maximum: size.max },
    description: `1 to ${size.max}, default ${size.fallback}`,
  });
}

/** `true` or `false`. */
export function BooleanField(description: string): PropertyDecorator {
  return QueryField({ parse: parseBoolean, schema: { type: 'boolean' }, description });
}

/** Some of the choices, comma-separated: `health=red,amber`. */
export function ChoicesField(choices: readonly string[], description: string): PropertyDecorator {
  return QueryField({
    parse: parseChoices(choices),
    schema: { type: 'array', items: { type: 'string', enum: [...choices] } },
    commaSeparated: true,
    description,
  });
}

export const MIN_POSITION_DESCRIPTION =
  'wait (up to 5 s) until the read models include this position, e.g. the one a command answered';

/** `minPosition`: read your own writes. */
export function MinPositionField(): PropertyDecorator {
  return QueryField({ parse: parsePosition, description: MIN_POSITION_DESCRIPTION });
}

/** A DTO's parameters in the order they are checked: its own, then those of the DTO it extends. */
function parametersOf(dto: object): readonly QueryParameter[] {
  if (dto === Function.prototype) return [];
  return [...(PARAMETERS.get(dto) ?? []), ...parametersOf(Object.getPrototypeOf(dto))];
}

/** The query string as the DTO: a repeated parameter is refused first, then each one parsed in turn. */
export function parseQuery<T extends object>(dto: new () => T, query: Record<string, unknown>): T {
  const parameters = parametersOf(dto);
  const names = parameters.map((p) => p.name);
  // Parameters the DTO does not declare never get here: ReadQuery declares the DTO's, and the route refuses others.
  const given = queryParameters(query, names);
  const parsed = new dto() as Record<string, unknown>;
  for (const { name, property, parse } of parameters) {
    const raw = given[name];
    if (raw !== undefined) parsed[property] = parse(raw, name);
  }
  return parsed as T;
}

const parsedQuery = createParamDecorator((dto: QueryDto, context: ExecutionContext) =>
  parseQuery(dto, context.switchToHttp().getRequest<Request>().query as Record<string, unknown>),
);

/** How OpenAPI describes a parameter: its own schema when it has one, a string (or one of its choices) otherwise. */
function openApiParameter({ name, description, enum: choices, schema, commaSeparated }: QueryParameter) {
  const common = { name, required: false, description };
  if (schema !== undefined) {
    return { ...common, schema, ...(commaSeparated === true ? { style: 'form' as const, explode: false } : {}) };
  }
  return { ...common, type: 'string', ...(choices === undefined ? {} : { enum: [...choices] }) };
}

/** The request's query string parsed into the DTO, whose parameters the route declares (and OpenAPI lists). */
export function ReadQuery(dto: QueryDto): ParameterDecorator {
  return (prototype, method, index) => {
    parsedQuery(dto)(prototype, method, index);
    const handler = Object.getOwnPropertyDescriptor(prototype, method as string | symbol) as PropertyDescriptor;
    for (const parameter of parametersOf(dto)) {
      QueryParameter(openApiParameter(parameter))(prototype, method as string | symbol, handler);
    }
  };
}

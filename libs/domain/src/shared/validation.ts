import { InvalidInputError, RuleViolationError } from './domain-error';
import { MISSION_CODE_PATTERN, SLUG_PATTERN } from './ids';
import { daysBetween, isIsoDate, type IsoDate } from './iso-date';
import { forbiddenCharacterIn, type TextKind } from './text-characters';

// Commands come from DTOs but also from the CLI's importers, so values are checked at run time, not only typed.

/** The offending value as it appears in an error message, shortened so a huge input cannot flood logs. */
export function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function requireRecord<T extends object>(value: T, path: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError('invalid_type', `${path} must be an object, got ${quoted(value)}`, path, {
      expected: 'object',
      value: quoted(value),
    });
  }
  return value;
}

export function requireList<T>(value: readonly T[], path: string): readonly T[] {
  if (!Array.isArray(value))
    throw new InvalidInputError('invalid_type', `${path} must be a list, got ${quoted(value)}`, path, {
      expected: 'list',
      value: quoted(value),
    });
  return value;
}

/** Trimmed, non-empty text of its kind: not too long, without the characters text may not hold. */
export function requireText(value: unknown, path: string, kind: TextKind): string {
  const text = optionalText(value, path, kind);
  if (text === undefined) throw new InvalidInputError('required', `${path} is required and must not be blank`, path);
  return text;
}

/** Trimmed text of its kind; blank or absent means none. */
export function optionalText(value: unknown, path: string, kind: TextKind): string | undefined {
  return value === undefined || value === null ? undefined : checkedText(value, path, kind);
}

function checkedText(value: unknown, path: string, kind: TextKind): string | undefined {
  if (typeof value !== 'string')
    throw new InvalidInputError('invalid_type', `${path} must be text, got ${quoted(value)}`, path, {
      expected: 'text',
      value: quoted(value),
    });
  const text = value.trim();
  if (text.length > kind.maxLength) {
    throw new InvalidInputError(
      'too_long',
      `${path} has ${text.length} characters, more than the ${kind.maxLength} allowed`,
      path,
      { length: text.length, max: kind.maxLength },
    );
  }
  const forbidden = forbiddenCharacterIn(text, kind);
  if (forbidden !== undefined) {
    // The offset counts from the text as sent, whose leading whitespace the trim dropped.
    const offset = forbidden.offset + value.length - value.trimStart().length;
    throw new InvalidInputError(
      'invalid_characters',
      `${path} holds ${forbidden.description}, at offset ${offset} (UTF-16 code units)`,
      path,
      { offset },
    );
  }
  return text === '' ? undefined : text;
}

export function requireSlug(value: unknown, path: string): string {
  if (typeof value === 'string' && SLUG_PATTERN.test(value)) return value;
  throw new InvalidInputError(
    'invalid_id',
    `${path} ${quoted(value)} is not an id: 2 to 64 lowercase letters, digits or '-', not starting with '-'`,
    path,
    { value: quoted(value) },
  );
}

export function requireMissionCode(value: unknown, path: string): string {
  if (typeof value === 'string' && MISSION_CODE_PATTERN.test(value)) return value;
  throw new InvalidInputError(
    'invalid_mission_code',
    `${path} ${quoted(value)} is not a mission code: 2 to 32 uppercase letters, digits, '_' or '-', starting with a letter`,
    path,
    { value: quoted(value) },
  );
}

export function requireDate(value: unknown, path: string): IsoDate {
  if (isIsoDate(value)) return value;
  throw new InvalidInputError('invalid_date', `${path} ${quoted(value)} is not a calendar date (YYYY-MM-DD)`, path, {
    value: quoted(value),
  });
}

/** The date of something that has happened: a real date, not after today. */
export function requireFactDate(value: unknown, path: string, today: IsoDate): IsoDate {
  const date = requireDate(value, path);
  if (date > today) {
    throw new RuleViolationError('date_in_future', `${path} ${date} is after today (${today})`, path, { date, today });
  }
  return date;
}

export function requireNotBefore(date: IsoDate, earliest: IsoDate, path: string, what: string): IsoDate {
  // ISO dates of equal length order as strings.
  if (date < earliest) {
    throw new RuleViolationError('date_before_launch', `${path} ${date} is before ${what} (${earliest})`, path, {
      date,
      earliest,
    });
  }
  return date;
}

/** A period, named by its end date, that ends at most LIMITS.periodLeadDays after today. */
export function requirePeriod(value: unknown, path: string, today: IsoDate, leadDays: number): IsoDate {
  const period = requireDate(value, path);
  if (daysBetween(today, period) > leadDays) {
    throw new RuleViolationError(
      'period_too_far_ahead',
      `${path} ${period} ends more than ${leadDays} days after today (${today})`,
      path,
      { period, leadDays, today },
    );
  }
  return period;
}

export function requireNumber(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new InvalidInputError('invalid_number', `${path} ${quoted(value)} is not a finite number`, path, {
    value: quoted(value),
  });
}

export function requireChoice<T extends string>(value: unknown, choices: readonly T[], path: string): T {
  const choice = choices.find((candidate) => candidate === value);
  if (choice !== undefined) return choice;
  throw new InvalidInputError('invalid_choice', `${path} ${quoted(value)} is not one of ${choices.join(', ')}`, path, {
    value: quoted(value),
    choices: choices.join(', '),
  });
}

export function requirePattern(value: unknown, pattern: RegExp, path: string, expected: string): string {
  if (typeof value === 'string' && pattern.test(value)) return value;
  throw new InvalidInputError('invalid_format', `${path} ${quoted(value)} is not ${expected}`, path, {
    value: quoted(value),
  });
}

/** Refuses the second occurrence of an id within one list of a command. */
export function requireUnique(ids: readonly string[], pathOf: (index: number) => string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      throw new InvalidInputError('duplicate_id', `${pathOf(index)} ${quoted(id)} appears twice`, pathOf(index), {
        value: quoted(id),
      });
    }
    seen.add(id);
  });
}

/** Refuses an id listed for two incompatible changes in the same redesign. */
export function requireDisjoint(
  ids: readonly string[],
  others: readonly string[],
  pathOf: (index: number) => string,
  clash: string,
): void {
  const taken = new Set(others);
  ids.forEach((id, index) => {
    if (taken.has(id)) {
      throw new InvalidInputError(
        'conflicting_changes',
        `${pathOf(index)} ${quoted(id)} is also ${clash}`,
        pathOf(index),
        { value: quoted(id) },
      );
    }
  });
}

/** An optional yes/no: absent is false. */
export function optionalBoolean(value: unknown, path: string): boolean {
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  throw new InvalidInputError('invalid_choice', `${path} ${quoted(value)} is not one of true, false`, path, {
    value: quoted(value),
    choices: 'true, false',
  });
}

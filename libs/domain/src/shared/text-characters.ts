import { LIMITS } from './limits';

/**
 * What a text field may hold: how long it may be, and whether it may run over several lines (a note, an objective) or
 * is one line (a title, a label).
 */
export interface TextKind {
  readonly maxLength: number;
  readonly multiLine: boolean;
}

/** Titles, names, labels, units, organisations, deciders: one line. */
export const SHORT_TEXT: TextKind = Object.freeze({ maxLength: LIMITS.shortText, multiLine: false });

/** Objectives, descriptions, reasons, notes, evidence, sources: may break lines and carry tabs. */
export const LONG_TEXT: TextKind = Object.freeze({ maxLength: LIMITS.longText, multiLine: true });

// Every recorded event is hashed as RFC 8785 JSON, which assumes I-JSON (RFC 7493): no surrogate that is not half of a
// pair, no noncharacter. Control characters hide in logs, terminals and CSV exports; bidirectional embeddings,
// overrides and isolates make a text read differently from what it holds ("Trojan Source", CVE-2021-42574).
// Multi-line text keeps TAB, LF and CRLF (text pasted from Windows); a CR alone is refused, as a line break that
// renders differently everywhere.
const FORBIDDEN = {
  line: /[\p{Cc}\u202a-\u202e\u2066-\u2069\p{Cs}\p{Noncharacter_Code_Point}]/u,
  lines: /\r(?!\n)|[^\P{Cc}\t\n\r]|[\u202a-\u202e\u2066-\u2069\p{Cs}\p{Noncharacter_Code_Point}]/u,
} as const;

const KINDS_OF_CHARACTER: readonly (readonly [RegExp, string])[] = [
  [/^[\t\n\r]$/, 'a line break or tab, which one-line text may not hold'],
  [/^\p{Cc}$/u, 'a control character'],
  [/^[\u202a-\u202e\u2066-\u2069]$/, 'a bidirectional embedding, override or isolate'],
  [/^\p{Cs}$/u, 'a lone surrogate (half of a UTF-16 pair)'],
  [/^\p{Noncharacter_Code_Point}$/u, 'a Unicode noncharacter'],
];

/** The first character a text may not hold, where it is (in UTF-16 code units) and why; none when the text is clean. */
export function forbiddenCharacterIn(
  text: string,
  kind: TextKind,
): { readonly offset: number; readonly description: string } | undefined {
  const found = (kind.multiLine ? FORBIDDEN.lines : FORBIDDEN.line).exec(text);
  if (found === null) return undefined;
  const character = found[0];
  const codePoint = (character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
  const why =
    kind.multiLine && character === '\r'
      ? 'a carriage return without a line feed after it'
      : (KINDS_OF_CHARACTER.find(([pattern]) => pattern.test(character))?.[1] as string);
  return { offset: found.index, description: `U+${codePoint}, ${why}` };
}

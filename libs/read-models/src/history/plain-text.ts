// Formatting shared by the one-line summaries: fixed, locale-free output, so that a summary reads the same on every
// server (no ICU or LANG dependence) and can be asserted byte for byte.

/** How many characters of free text (reasons, notes, titles) a one-line summary keeps. */
export const SUMMARY_TEXT_LIMIT = 120;

/** The characters that group thousands and start the decimals of a number. */
export interface NumberSeparators {
  readonly thousands: string;
  readonly decimal: string;
}

const ENGLISH_NUMBERS: NumberSeparators = { thousands: ',', decimal: '.' };

/** French typography: a narrow no-break space between thousands (as CLDR's fr locale), a decimal comma. */
export const FRENCH_NUMBERS: NumberSeparators = { thousands: '\u202f', decimal: ',' };

/**
 * A number with its thousands grouped and every decimal of its shortest round-trip form (1234567.25 → "1,234,567.25"
 * in English, "1 234 567,25" in French). Built by hand rather than with Intl so that no decimal is rounded away and -0
 * prints as "0".
 */
export function formatNumber(value: number, separators: NumberSeparators = ENGLISH_NUMBERS): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value));
  // Very large or very small magnitudes print in exponent form ("1e+21", "1e-7"); grouping those would garble them.
  if (digits.includes('e')) return `${sign}${digits}`;
  const [whole, fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, separators.thousands);
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${separators.decimal}${fraction}`;
}

/** "1 milestone", "2 milestones", "1,234 events": English plural by adding an s, enough for our nouns. */
export function countOf(count: number, noun: string): string {
  return `${formatNumber(count)} ${count === 1 ? noun : `${noun}s`}`;
}

/** "0 jalon", "1 jalon", "2 jalons": in French, the singular goes up to (not including) two. */
export function frenchCountOf(count: number, singular: string, plural: string): string {
  return `${formatNumber(count, FRENCH_NUMBERS)} ${Math.abs(count) < 2 ? singular : plural}`;
}

/** Free text made fit for one line: whitespace runs (newlines included) collapsed, then cut with an ellipsis. */
export function oneLine(text: string, limit: number = SUMMARY_TEXT_LIMIT): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  // Code points, not UTF-16 units, so that the cut never splits a surrogate pair.
  const characters = Array.from(collapsed);
  if (characters.length <= limit) return collapsed;
  return `${characters
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`;
}

/** Free text in double quotes, on one line. */
export function quoted(text: string): string {
  return `"${oneLine(text)}"`;
}

/** Free text in French quotation marks (guillemets), on one line. */
export function guillemets(text: string): string {
  return `« ${oneLine(text)} »`;
}

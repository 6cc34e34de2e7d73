/**
 * The languages people read the API in: French for the administrations that use it, English as the other choice.
 * The first is the default when a request accepts neither.
 */
export const LANGUAGES = ['fr', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = LANGUAGES[0];

/** A text in every language. */
export type Localised = Readonly<Record<Language, string>>;

import fc from 'fast-check';
import { InvalidInputError } from './domain-error';
import { forbiddenCharacterIn, LONG_TEXT, SHORT_TEXT } from './text-characters';
import { optionalText, requireText } from './validation';

const FORBIDDEN_ANYWHERE = [
  ['NUL', '\u0000'],
  ['an escape (terminal sequences)', '\u001b'],
  ['a vertical tab', '\u000b'],
  ['DEL', '\u007f'],
  ['a C1 control (NEL)', '\u0085'],
  ['a right-to-left override', '\u202e'],
  ['a left-to-right embedding', '\u202a'],
  ['a first-strong isolate', '\u2068'],
  ['a pop directional isolate', '\u2069'],
  ['a lone high surrogate', '\ud83d'],
  ['a lone low surrogate', '\ude00'],
  ['a noncharacter of the BMP', '\ufffe'],
  ['a noncharacter of the Arabic block', '\ufdd0'],
  ['a noncharacter of plane 16', '\u{10ffff}'],
] as const;

const ACCEPTED = [
  'Baromètre des résultats de l’action publique',
  'Ελληνικά, русский, 中文, العربية, עברית',
  'Emoji kept whole: 😀 👩🏽‍💻 🇫🇷',
  'Marks that carry no override: \u200e\u200f\u061c, a zero-width joiner \u200d and a no-break space \u00a0',
] as const;

describe('the characters text may hold', () => {
  it.each(ACCEPTED)('accepts %s in short and long text', (text) => {
    expect(forbiddenCharacterIn(text, SHORT_TEXT)).toBeUndefined();
    expect(forbiddenCharacterIn(text, LONG_TEXT)).toBeUndefined();
  });

  it.each(FORBIDDEN_ANYWHERE)('refuses %s in short and long text, saying where', (_, character) => {
    const text = `Objectif ${character} atteint`;
    for (const kind of [SHORT_TEXT, LONG_TEXT]) {
      expect(forbiddenCharacterIn(text, kind)).toEqual({
        offset: 9,
        description: expect.stringContaining(
          `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`,
        ),
      });
    }
  });

  it('keeps tabs, line feeds and CRLF for long text only, and refuses a carriage return alone', () => {
    for (const text of ['first line\nsecond line', 'a\tb', 'windows\r\nline']) {
      expect(forbiddenCharacterIn(text, LONG_TEXT)).toBeUndefined();
      expect(forbiddenCharacterIn(text, SHORT_TEXT)?.description).toMatch(/one-line text/);
    }
    expect(forbiddenCharacterIn('old\rmac', LONG_TEXT)).toEqual({
      offset: 3,
      description: 'U+000D, a carriage return without a line feed after it',
    });
  });

  it('finds any forbidden character wherever it is put into clean text', () => {
    const clean = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      .filter((text) => !forbiddenCharacterIn(text, SHORT_TEXT));
    fc.assert(
      fc.property(clean, fc.constantFrom(...FORBIDDEN_ANYWHERE.map(([, c]) => c)), fc.nat(), (text, character, at) => {
        // At a code point boundary of clean text, a lone surrogate has no other half next to it to pair up with.
        const points = [...text];
        const before = points.slice(0, at % (points.length + 1)).join('');
        const dirty = `${before}${character}${text.slice(before.length)}`;
        expect(forbiddenCharacterIn(dirty, LONG_TEXT)?.offset).toBe(before.length);
      }),
    );
  });
});

describe('text fields of commands', () => {
  it('refuse a forbidden character as invalid_characters, naming the field and the offset in the text as sent', () => {
    expect(() => requireText('  Titre\u202e', 'milestones[0].title', SHORT_TEXT)).toThrow(
      expect.objectContaining({
        code: 'invalid_characters',
        kind: 'invalid',
        path: 'milestones[0].title',
        message:
          'milestones[0].title holds U+202E, a bidirectional embedding, override or isolate, at offset 7 (UTF-16 code units)',
      }),
    );
    expect(() => optionalText('note\u0000', 'source', LONG_TEXT)).toThrow(InvalidInputError);
  });

  it('trim the whitespace around a text before looking at its characters', () => {
    expect(requireText('\n\tFranceConnect\r\n', 'title', SHORT_TEXT)).toBe('FranceConnect');
    expect(requireText('Phase 1:\n- ouverture\n', 'note', LONG_TEXT)).toBe('Phase 1:\n- ouverture');
  });
});

import {
  countOf,
  formatNumber,
  FRENCH_NUMBERS,
  frenchCountOf,
  guillemets,
  oneLine,
  quoted,
  SUMMARY_TEXT_LIMIT,
} from './plain-text';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [26, '26'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
    [-1234567.25, '-1,234,567.25'],
    [25.5, '25.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [12345.678901, '12,345.678901'],
    [1e21, '1e+21'],
    [-1e-7, '-1e-7'],
  ])('formats %p as %p', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatNumber with French separators', () => {
  it.each([
    [999, '999'],
    [1234567, '1\u202f234\u202f567'],
    [-1234567.25, '-1\u202f234\u202f567,25'],
    [-0, '0'],
    [1e21, '1e+21'],
  ])('formats %p as %p', (value, expected) => {
    expect(formatNumber(value, FRENCH_NUMBERS)).toBe(expected);
  });
});

describe('frenchCountOf', () => {
  it('uses the singular below two and the plural from two', () => {
    expect(frenchCountOf(0, 'jalon', 'jalons')).toBe('0 jalon');
    expect(frenchCountOf(1, 'jalon', 'jalons')).toBe('1 jalon');
    expect(frenchCountOf(2, 'jalon', 'jalons')).toBe('2 jalons');
    expect(frenchCountOf(1234, 'événement', 'événements')).toBe('1\u202f234 événements');
  });
});

describe('guillemets', () => {
  it('puts free text on one line between French quotation marks', () => {
    expect(guillemets('Identité\nnumérique')).toBe('« Identité numérique »');
  });
});

describe('countOf', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'milestone')).toBe('1 milestone');
    expect(countOf(0, 'milestone')).toBe('0 milestones');
    expect(countOf(1234, 'event')).toBe('1,234 events');
  });
});

describe('oneLine', () => {
  it('collapses newlines and runs of spaces', () => {
    expect(oneLine('  Homologation\n\nRGS   retardée \t')).toBe('Homologation RGS retardée');
  });

  it('keeps text at the limit whole', () => {
    const text = 'a'.repeat(SUMMARY_TEXT_LIMIT);
    expect(oneLine(text)).toBe(text);
  });

  it('cuts longer text to the limit, ending with an ellipsis', () => {
    const cut = oneLine('b'.repeat(SUMMARY_TEXT_LIMIT + 1));
    expect(Array.from(cut)).toHaveLength(SUMMARY_TEXT_LIMIT);
    expect(cut).toBe(`${'b'.repeat(SUMMARY_TEXT_LIMIT - 1)}…`);
  });

  it('does not leave a space before the ellipsis', () => {
    expect(oneLine('abcd efgh', 6)).toBe('abcd…');
  });

  it('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    expect(oneLine('🇫🇷'.repeat(3), 6)).toBe('🇫🇷🇫🇷🇫🇷');
    expect(oneLine('é😀😀😀', 3)).toBe('é😀…');
  });
});

describe('quoted', () => {
  it('wraps one-line text in double quotes', () => {
    expect(quoted('CITP\nde juillet')).toBe('"CITP de juillet"');
  });
});

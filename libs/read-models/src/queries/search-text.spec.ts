import { foldForSearch, matchesSearch } from './search-text';

describe('searching text', () => {
  it('folds accents and case away', () => {
    expect(foldForSearch('Égalité')).toBe('egalite');
    expect(foldForSearch('ÇA COÛTE')).toBe('ca coute');
    // Precomposed and decomposed spellings of the same word fold alike.
    expect(foldForSearch('Donne\u0301es')).toBe(foldForSearch('Données'));
  });

  it('finds a query inside any of the texts, accents and case aside', () => {
    expect(matchesSearch('egalite', ['Plan Égalité femmes-hommes'])).toBe(true);
    expect(matchesSearch('ÉGAL', ['title', 'égalité des chances'])).toBe(true);
    expect(matchesSearch(' vitam ', ['Vitam'])).toBe(true);
  });

  it('does not find what none of the texts contains', () => {
    expect(matchesSearch('egalites', ['Égalité'])).toBe(false);
    expect(matchesSearch('hubee', [])).toBe(false);
  });
});

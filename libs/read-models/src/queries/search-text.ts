// Reviewers type without accents and in any case: `egalite` must find « Égalité ». Text and query are both folded
// the same way before one contains the other.

/** `text` decomposed (NFD), without its combining marks, in lower case: « Égalité » → `egalite`. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether any of `texts` contains `query`, accents, case and surrounding blanks aside. */
export function matchesSearch(query: string, texts: readonly string[]): boolean {
  const sought = foldForSearch(query.trim());
  return texts.some((text) => foldForSearch(text).includes(sought));
}

// The point of view of a read: the business date (`at`) and what was known (`asOf`), kept in the page's address.

/** A review cycle as GET /review-cycles lists it (what the time bar needs of it). */
export interface CycleMark {
  readonly cycleId: string;
  readonly title: string;
  readonly heldOn: string;
  readonly seal: { readonly sealedPosition: string };
}

/** A Baromètre release as GET /sources/barometre/releases lists it. */
export interface ReleaseMark {
  readonly id: string;
  readonly publishedOn: string;
}

/** The read's parameters, as the API takes them; absent means today, as known now. */
export interface TimeView {
  readonly at?: string;
  readonly asOf?: string;
}

/** What the time bar offers to know the portfolio as: now, a committee, a release, or a chosen instant. */
export type Reference =
  | { readonly kind: 'now' }
  | { readonly kind: 'cycle'; readonly cycle: CycleMark }
  | { readonly kind: 'release'; readonly release: ReleaseMark }
  | { readonly kind: 'instant'; readonly instant: string }
  | { readonly kind: 'position'; readonly position: string };

export const BAROMETRE = 'barometre';

/** The time view a page's query holds (`?at=2021-02-05&asOf=51`). */
export function timeViewOf(query: URLSearchParams): TimeView {
  return { at: query.get('at') ?? undefined, asOf: query.get('asOf') ?? undefined };
}

/** The reference an `asOf` names: a committee when it is the position its seal covers, a release, an instant... */
export function referenceOf(
  asOf: string | undefined,
  cycles: readonly CycleMark[],
  releases: readonly ReleaseMark[],
): Reference {
  if (asOf === undefined) return { kind: 'now' };
  const cycle = cycles.find((candidate) => candidate.seal.sealedPosition === asOf);
  if (cycle !== undefined) return { kind: 'cycle', cycle };
  const release = releases.find((candidate) => `${BAROMETRE}:${candidate.id}` === asOf);
  if (release !== undefined) return { kind: 'release', release };
  return /^\d+$/.test(asOf) ? { kind: 'position', position: asOf } : { kind: 'instant', instant: asOf };
}

/**
 * The view of a reference: a committee's sealed position, at the date it was held; a release's values, at the date it
 * was published; an instant or a position at the date chosen (today when none).
 */
export function viewOf(reference: Reference, at: string | undefined): TimeView {
  switch (reference.kind) {
    case 'now':
      return { at };
    case 'cycle':
      return { at: reference.cycle.heldOn, asOf: reference.cycle.seal.sealedPosition };
    case 'release':
      return { at: reference.release.publishedOn, asOf: `${BAROMETRE}:${reference.release.id}` };
    case 'instant':
      return { at, asOf: reference.instant };
    case 'position':
      return { at, asOf: reference.position };
  }
}

import fc from 'fast-check';
import { DEFAULT_ID_KEYS, diffDocuments, type DocumentDiff } from './diff-documents';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from './json-value';

// Small alphabets, so that two independent documents share most of their keys and ids and their diff has depth; a few
// keys and ids that need quoting in paths, to check that paths can be read back.
const key = fc.constantFrom('a', 'b', 'name', 'value', 'a.b', '');
const id = fc.constantFrom('x', 'y', 'z', '2021-05-31', 'a b', 'x]y');
const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom(-0, 0.5, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('p', 'q', ''),
);

// A type alias, not an interface: fc.letrec's typed overload wants a Record.
type Documents = {
  document: JsonValue;
  object: JsonValue;
  keyed: JsonValue;
  scalars: JsonValue;
  records: JsonValue;
};

const arbitraries = fc.letrec<Documents>((tie) => ({
  document: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'document' },
    scalar,
    tie('object'),
    tie('keyed'),
    tie('scalars'),
    tie('records'),
  ),
  object: fc.dictionary(key, tie('document'), { maxKeys: 4, noNullPrototype: true }),
  // Arrays of elements identified by one of two id fields; sometimes empty.
  keyed: fc
    .tuple(
      fc.constantFrom('projectId', 'period'),
      fc.uniqueArray(fc.tuple(id, fc.dictionary(key, tie('document'), { maxKeys: 3, noNullPrototype: true })), {
        selector: ([elementId]) => elementId,
        maxLength: 3,
      }),
    )
    .map(([idKey, elements]) => elements.map(([elementId, body]) => ({ ...body, [idKey]: elementId }))),
  // Arrays compared as whole values.
  scalars: fc.array(scalar, { maxLength: 3 }),
  records: fc.array(fc.dictionary(key, scalar, { maxKeys: 2, noNullPrototype: true }), { maxLength: 2 }),
}));
const documentArbitrary = fc.oneof(arbitraries.object, arbitraries.document);

describe('diffDocuments properties', () => {
  it('finds nothing between a document and itself, or a copy with keyed arrays reordered and -0 for 0', () => {
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        const empty: DocumentDiff = { added: [], removed: [], changed: [] };
        expect(diffDocuments(document, document)).toEqual(empty);
        expect(diffDocuments(document, reorderedCopy(document))).toEqual(empty);
      }),
    );
  });

  it('swaps additions and removals, and from and to, when the documents are swapped', () => {
    fc.assert(
      fc.property(documentArbitrary, documentArbitrary, (before, after) => {
        const forward = diffDocuments(before, after);
        const backward = diffDocuments(after, before);
        expect(backward.added).toEqual(forward.removed);
        expect(backward.removed).toEqual(forward.added);
        expect(backward.changed).toEqual(forward.changed.map(({ path, from, to }) => ({ path, from: to, to: from })));
      }),
    );
  });

  it('gives, applied to the earlier document, the later one', () => {
    fc.assert(
      fc.property(documentArbitrary, documentArbitrary, (before, after) => {
        const applied = applyDiff(before, diffDocuments(before, after));
        expect(normalised(applied)).toEqual(normalised(after));
      }),
    );
  });

  it('lists each path once, sorted', () => {
    fc.assert(
      fc.property(documentArbitrary, documentArbitrary, (before, after) => {
        const diff = diffDocuments(before, after);
        for (const entries of [diff.added, diff.removed, diff.changed]) {
          const paths = entries.map((entry) => entry.path);
          expect(paths).toEqual([...new Set(paths)].sort());
        }
      }),
    );
  });

  it('finds nested differences, not only whole replacements, in the generated pairs', () => {
    // Guards the generator: without shared keys and ids the properties above would prove little.
    const samples = fc.sample(fc.tuple(arbitraries.object, arbitraries.object), { numRuns: 300, seed: 42 });
    const nested = samples.filter(([before, after]) => {
      const diff = diffDocuments(before, after);
      return [...diff.added, ...diff.removed, ...diff.changed].some((entry) => /[.[].*[.[]/.test(entry.path));
    });
    expect(nested.length).toBeGreaterThan(30);
  });
});

// Test-only inverse of diffDocuments: reads the paths back and rebuilds the later document from the earlier one.

type Operation = { readonly segments: readonly string[] } & (
  { readonly kind: 'add' | 'change'; readonly value: JsonValue } | { readonly kind: 'remove' }
);

function applyDiff(document: JsonValue, diff: DocumentDiff): JsonValue {
  const operations: Operation[] = [
    ...diff.added.map(({ path, value }): Operation => ({ segments: parsePath(path), kind: 'add', value })),
    ...diff.removed.map(({ path }): Operation => ({ segments: parsePath(path), kind: 'remove' })),
    ...diff.changed.map(({ path, to }): Operation => ({ segments: parsePath(path), kind: 'change', value: to })),
  ];
  return applyAt(document, operations);
}

function applyAt(node: JsonValue, operations: readonly Operation[]): JsonValue {
  if (operations.length === 0) return node;
  const here = operations.find((operation) => operation.segments.length === 0);
  if (here !== undefined) {
    if (here.kind !== 'change') throw new Error('only a change can name the node itself');
    return here.value;
  }
  const groups = new Map<string, Operation[]>();
  for (const operation of operations) {
    const [head, ...rest] = operation.segments;
    groups.set(head, [...(groups.get(head) ?? []), { ...operation, segments: rest }]);
  }
  if (isJsonArray(node)) return applyToKeyedArray(node, groups);
  if (!isJsonObject(node)) throw new Error(`cannot descend into ${JSON.stringify(node)}`);
  const entries = new Map(Object.entries(node));
  for (const [name, childOperations] of groups) {
    const removal = childOperations.find((operation) => operation.kind === 'remove' && operation.segments.length === 0);
    if (removal !== undefined) entries.delete(name);
    else entries.set(name, applyAt(entries.get(name) ?? null, childOperations.map(asChangeWhenAdded)));
  }
  return Object.fromEntries(entries);
}

function applyToKeyedArray(array: readonly JsonValue[], groups: ReadonlyMap<string, Operation[]>): JsonValue {
  const idKey = testIdKeyOf(array);
  const kept = array.flatMap((element) => {
    const childOperations = groups.get(String((element as JsonObject)[idKey ?? '']));
    if (childOperations === undefined) return [element];
    if (childOperations.some((operation) => operation.kind === 'remove' && operation.segments.length === 0)) return [];
    return [applyAt(element, childOperations)];
  });
  const added = [...groups.values()].flatMap((childOperations) =>
    childOperations.flatMap((operation) =>
      operation.kind === 'add' && operation.segments.length === 0 ? [operation.value] : [],
    ),
  );
  return [...kept, ...added];
}

// At the node it names, an addition sets the value, as a change would.
function asChangeWhenAdded(operation: Operation): Operation {
  return operation.kind === 'add' && operation.segments.length === 0 ? { ...operation, kind: 'change' } : operation;
}

function parsePath(path: string): string[] {
  const segment = /(?:^|\.)([\w$-]+)|\[("(?:[^"\\]|\\.)*"|[^\]"]*)\]/y;
  const segments: string[] = [];
  while (segment.lastIndex < path.length) {
    const match = segment.exec(path);
    if (match === null) throw new Error(`unreadable path ${path}`);
    const [, bare, bracketed] = match;
    segments.push(bare ?? (bracketed.startsWith('"') ? (JSON.parse(bracketed) as string) : bracketed));
  }
  return segments;
}

// The rule of diffDocuments, restated: the first id key the first element carries.
function testIdKeyOf(array: readonly JsonValue[]): string | undefined {
  const first = array[0];
  if (!isJsonObject(first)) return undefined;
  return DEFAULT_ID_KEYS.find((idKey) => ['string', 'number'].includes(typeof first[idKey]));
}

/** Keyed arrays sorted by id, -0 made 0: the differences diffDocuments is meant to ignore, removed. */
function normalised(value: JsonValue): JsonValue {
  if (Object.is(value, -0)) return 0;
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v)]));
  if (!isJsonArray(value)) return value;
  const elements = value.map(normalised);
  const idKey = testIdKeyOf(elements);
  if (idKey === undefined) return elements;
  const idOf = (element: JsonValue) => String((element as JsonObject)[idKey]);
  return [...elements].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
}

/** A deep copy with keyed arrays reversed and every 0 made -0 (and -0 made 0). */
function reorderedCopy(value: JsonValue): JsonValue {
  if (value === 0) return Object.is(value, -0) ? 0 : -0;
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reorderedCopy(v)]));
  if (!isJsonArray(value)) return value;
  const elements = value.map(reorderedCopy);
  return testIdKeyOf(elements) === undefined ? elements : elements.reverse();
}

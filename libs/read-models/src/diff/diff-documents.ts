import { idPath, keyPath } from './diff-path';
import { isJsonArray, isJsonObject, jsonEqual, presentKeys, type JsonObject, type JsonValue } from './json-value';

export type { JsonValue } from './json-value';

/** Fields that identify the elements of a portfolio snapshot's arrays, in order of preference. */
export const DEFAULT_ID_KEYS: readonly string[] = [
  'projectId',
  'missionCode',
  'milestoneId',
  'indicatorId',
  'cycleId',
  'period',
];

/** How to compare two documents. */
export interface DiffOptions {
  /** Fields identifying array elements, in order of preference; default DEFAULT_ID_KEYS. */
  readonly idKeys?: readonly string[];
}

/** A place present only in the later document, with its whole subtree. */
export interface DiffAddition {
  readonly path: string;
  readonly value: JsonValue;
}

/** A place present only in the earlier document, with its whole subtree. */
export interface DiffRemoval {
  readonly path: string;
  readonly value: JsonValue;
}

/** A place present in both documents with different values: a different scalar, type or unkeyed array. */
export interface DiffChange {
  readonly path: string;
  readonly from: JsonValue;
  readonly to: JsonValue;
}

/** What changed from one document to another, each list sorted by path. */
export interface DocumentDiff {
  readonly added: readonly DiffAddition[];
  readonly removed: readonly DiffRemoval[];
  readonly changed: readonly DiffChange[];
}

interface Collected {
  readonly added: DiffAddition[];
  readonly removed: DiffRemoval[];
  readonly changed: DiffChange[];
}

/**
 * The structural difference between two JSON documents, e.g. two portfolio snapshots (GET /diff, review-cycle reports).
 *
 * Objects are compared key by key. A key holding null on one side and missing on the other is an addition or a
 * removal, not a change: "known to be empty" and "not there at all" differ for a reviewer. Arrays whose elements all
 * carry a unique id (see `idKeys`) are compared as maps from id to element, so their order does not matter; other arrays
 * are compared as whole values. Numbers are compared with ===, so -0 equals 0.
 */
export function diffDocuments(before: JsonValue, after: JsonValue, options: DiffOptions = {}): DocumentDiff {
  const collected: Collected = { added: [], removed: [], changed: [] };
  compare('', before, after, options.idKeys ?? DEFAULT_ID_KEYS, collected);
  return {
    added: collected.added.sort(byPath),
    removed: collected.removed.sort(byPath),
    changed: collected.changed.sort(byPath),
  };
}

function compare(path: string, before: JsonValue, after: JsonValue, idKeys: readonly string[], out: Collected): void {
  if (isJsonObject(before) && isJsonObject(after)) return compareObjects(path, before, after, idKeys, out);
  if (isJsonArray(before) && isJsonArray(after)) {
    const idKey = sharedIdKey(before, after, idKeys);
    if (idKey !== undefined) return compareKeyed(path, before, after, idKey, idKeys, out);
  }
  if (!jsonEqual(before, after)) out.changed.push({ path, from: before, to: after });
}

function compareObjects(
  path: string,
  before: JsonObject,
  after: JsonObject,
  idKeys: readonly string[],
  out: Collected,
): void {
  const beforeKeys = new Set(presentKeys(before));
  const afterKeys = new Set(presentKeys(after));
  for (const key of beforeKeys) {
    if (afterKeys.has(key)) compare(keyPath(path, key), before[key], after[key], idKeys, out);
    else out.removed.push({ path: keyPath(path, key), value: before[key] });
  }
  for (const key of afterKeys) {
    if (!beforeKeys.has(key)) out.added.push({ path: keyPath(path, key), value: after[key] });
  }
}

function compareKeyed(
  path: string,
  before: readonly JsonValue[],
  after: readonly JsonValue[],
  idKey: string,
  idKeys: readonly string[],
  out: Collected,
): void {
  const beforeById = indexById(before, idKey);
  const afterById = indexById(after, idKey);
  for (const [id, element] of beforeById) {
    const counterpart = afterById.get(id);
    if (counterpart === undefined) out.removed.push({ path: idPath(path, id), value: element });
    else compare(idPath(path, id), element, counterpart, idKeys, out);
  }
  for (const [id, element] of afterById) {
    if (!beforeById.has(id)) out.added.push({ path: idPath(path, id), value: element });
  }
}

/**
 * The id field by which both arrays can be compared as maps, if any. An empty array takes the other's, so that a first
 * project shows as an added `projects[id]` rather than a changed `projects`; two keyed arrays must agree on the field.
 */
function sharedIdKey(
  before: readonly JsonValue[],
  after: readonly JsonValue[],
  idKeys: readonly string[],
): string | undefined {
  if (before.length === 0) return idKeyOf(after, idKeys);
  if (after.length === 0) return idKeyOf(before, idKeys);
  const idKey = idKeyOf(before, idKeys);
  return idKey === idKeyOf(after, idKeys) ? idKey : undefined;
}

/**
 * The first of `idKeys` the first element carries as a string or number, provided every element carries it and no two
 * share a value (ids are compared as text, so 1 and '1' clash); otherwise the array is not keyed.
 */
function idKeyOf(array: readonly JsonValue[], idKeys: readonly string[]): string | undefined {
  const first = array[0];
  if (!isJsonObject(first)) return undefined;
  const idKey = idKeys.find((key) => Object.hasOwn(first, key) && idText(first[key]) !== undefined);
  if (idKey === undefined) return undefined;
  const seen = new Set<string>();
  for (const element of array) {
    const id = isJsonObject(element) && Object.hasOwn(element, idKey) ? idText(element[idKey]) : undefined;
    if (id === undefined || seen.has(id)) return undefined;
    seen.add(id);
  }
  return idKey;
}

function idText(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

// Called only once idKeyOf has vouched for every element.
function indexById(array: readonly JsonValue[], idKey: string): Map<string, JsonValue> {
  return new Map(array.map((element) => [String((element as JsonObject)[idKey]), element]));
}

// Code-unit order, not localeCompare: the same order on every machine.
function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

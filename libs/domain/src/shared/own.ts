// Keys are user-chosen slugs and `constructor` is a valid slug: only own properties count, never Object.prototype's.
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

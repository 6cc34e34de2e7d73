// How diff entries name a place in a document: `missions[IDNUM].projects[franceconnect].latest.value`.
// Keys and ids made of ordinary characters are written bare; anything else (a dot, a bracket, a quote, a space, an
// accent, the empty string) is written as a JSON string in brackets, `["a.b"]`, so that no two places share a path.

const BARE_KEY = /^[\w$-]+$/;
const BARE_ID = /^[\w$.:+-]+$/;

/** The path of an object's property `key` under `parent` ('' for the document itself). */
export function keyPath(parent: string, key: string): string {
  if (!BARE_KEY.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** The path of the element identified by `id` in the keyed array at `parent`. */
export function idPath(parent: string, id: string): string {
  return BARE_ID.test(id) ? `${parent}[${id}]` : `${parent}[${JSON.stringify(id)}]`;
}

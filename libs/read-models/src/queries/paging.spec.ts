import { encodeCursor, pageOf, parseCursor } from './paging';
import { InvalidQueryError } from './query-errors';

describe('pages and cursors', () => {
  it('takes the first `limit` items, with a cursor when more were fetched', () => {
    expect(pageOf(['a', 'b', 'c'], 2, (last) => `after-${last}`)).toEqual({ items: ['a', 'b'], nextCursor: 'after-b' });
    expect(pageOf(['a', 'b'], 2, (last) => `after-${last}`)).toEqual({ items: ['a', 'b'], nextCursor: null });
    expect(pageOf([], 2, String)).toEqual({ items: [], nextCursor: null });
  });

  it('reads back the project id a cursor names, and refuses a cursor it did not give', () => {
    expect(parseCursor(encodeCursor('api-particulier'), 'cursor')).toBe('api-particulier');
    for (const raw of ['', '!!', 'eyJwb3NpdGlvbiI6LTF9', encodeCursor('Hubee')]) {
      expect(() => parseCursor(raw, 'cursor')).toThrow(
        new InvalidQueryError('cursor', 'cursor is not one this API gave'),
      );
    }
  });
});

import { Pool } from 'pg';
import { canonicalJson } from '../canonical-json';
import { testDatabaseUrl } from '../testing/test-database-url';
import { canonicalTextArray } from './canonical-text-array';

describe('canonicalTextArray', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  afterAll(() => pool.end());

  it('is read by PostgreSQL as the very texts, whatever characters they hold', async () => {
    const texts = [
      { quote: 'say "hi"', backslash: 'C:\\path\\', both: '\\"' },
      { control: 'line\nbreak\ttab\u0000nul\u001f', lone: '\ud800 and \udfff', astral: '𝔸 é ü' },
      { literal: '{a,b} NULL "NULL" , }{', empty: '' },
      ['NULL'],
      'NULL',
      {},
    ].map(canonicalJson);
    const { rows } = await pool.query<{ texts: string[] }>('SELECT $1::text[] AS texts', [canonicalTextArray(texts)]);
    expect(rows[0].texts).toEqual(texts);
  });

  it('writes the empty array', async () => {
    const { rows } = await pool.query<{ texts: string[] }>('SELECT $1::text[] AS texts', [canonicalTextArray([])]);
    expect(rows[0].texts).toEqual([]);
  });
});

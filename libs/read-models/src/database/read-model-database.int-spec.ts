// Writing read-model rows in one transaction: what is read back is exactly what was written, on both stores.
import { useSubject } from '../testing/read-model-subject';

const TRICKY_TEXT = 'l\'"échange" \\ {"a":[1]}\n\ttab — 🚀';

const measurement = (position: number) => ({
  generation: 1,
  project_id: `project-${position % 7}`,
  indicator_id: TRICKY_TEXT,
  territory_key: 'departement:2A',
  period: '2024-03-31',
  value: position / 3,
  supersedes: position % 2 === 0 ? null : -1e-300,
  position: String(position),
  recorded_at: '2024-04-01T10:00:00.000Z',
});

describe.each(['sqlite', 'postgres'] as const)('writing read-model rows on %s', (kind) => {
  const subject = useSubject(kind);

  it('given rows with quotes, backslashes, unicode, nulls and fractions, reads back exactly what it wrote', async () => {
    const rows = [1, 2, 3].map(measurement);
    await subject.database.writeAtomically({ inserts: [{ table: 'rm_measurements', rows }] });
    const stored = await subject.database.db.selectFrom('rm_measurements').selectAll().orderBy('position').execute();
    expect(stored.map((row) => ({ ...row, position: String(row.position) }))).toEqual(rows);
  });

  it('given more rows than one statement could bind one parameter per value, writes them all in one transaction', async () => {
    // Nine columns each: 90,000 values, past the 65,535 parameters a PostgreSQL statement binds.
    const rows = Array.from({ length: 10_000 }, (_, i) => measurement(i + 1));
    await subject.database.writeAtomically({ inserts: [{ table: 'rm_measurements', rows }] });
    const { n, total } = await subject.database.db
      .selectFrom('rm_measurements')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('value').as('total')])
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(10_000);
    expect(Number(total)).toBeCloseTo(
      rows.reduce((sum, row) => sum + row.value, 0),
      6,
    );
  });
});

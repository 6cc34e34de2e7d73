import type { Measurements } from '@portfolio/domain';
import { sql, type Kysely } from 'kysely';
import { scratchPostgresSchema, scratchSqliteFile } from '../../../event-store/src/testing/scratch-database';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { knownBy, type ReadModelTables } from '../database/read-model-tables';
import { STORE_KINDS, type StoreKind } from '../testing/read-side';
import { latestNationalValues, NATIONAL } from './latest-national-values';
import type { TemporalPoint } from './portfolio-snapshot';

/**
 * The definition the seeks must agree with: rank every national row with period ≤ at known by asOf, per series, by
 * period then position, and keep the first (the query as-of reads ran before, linear in the history's length).
 */
async function rankedLatest(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
  projectIds: readonly string[],
): Promise<Map<string, Measurements>> {
  const ranked = db
    .selectFrom('rm_measurements')
    .select([
      'project_id',
      'indicator_id',
      'period',
      'value',
      sql<number>`row_number() over (partition by project_id, indicator_id order by period desc, position desc)`.as(
        'rank',
      ),
    ])
    .where('generation', '=', generation)
    .where('territory_key', '=', NATIONAL)
    .where('period', '<=', point.at)
    .where(knownBy(point.asOf))
    .where('project_id', 'in', projectIds);
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '=', 1).execute();
  const byProject = new Map<string, Record<string, Record<string, Record<string, number>>>>();
  for (const row of rows) {
    byProject.set(row.project_id, {
      ...byProject.get(row.project_id),
      [row.indicator_id]: { [NATIONAL]: { [row.period]: Number(row.value) } },
    });
  }
  return byProject;
}

const PROJECTS = ['alpha', 'beta', 'gamma', 'unmeasured'];
const INDICATORS = ['i1', 'i2', 'i3'];
const MONTHS = 8;
const periodOf = (month: number) => new Date(Date.UTC(2021, month + 1, 0)).toISOString().slice(0, 10);

/** A small deterministic generator (LCG), so that a failure names a history that can be replayed. */
function draws(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/**
 * A history restated often: each month every series gets its value, then restatements of the last three months, a
 * late backfill of an old period now and then, values for other territories, and a second generation's rows that
 * reads of the first must not see. Series are recorded in a shuffled order, so their frontiers differ at most asOf.
 */
function restatedHistory(seed: number): Record<string, string | number | null>[] {
  const below = draws(seed);
  const rows: Record<string, string | number | null>[] = [];
  const row = (generation: number, project: string, indicator: string, territory: string, month: number) =>
    rows.push({
      generation,
      project_id: project,
      indicator_id: indicator,
      territory_key: territory,
      period: periodOf(month),
      value: below(10_000) / 100,
      supersedes: null,
      position: rows.length + 1,
      recorded_at: '2026-01-01T00:00:00.000Z',
    });
  for (let month = 0; month < MONTHS; month += 1) {
    const series = PROJECTS.slice(0, 3).flatMap((project) => INDICATORS.map((indicator) => [project, indicator]));
    for (let i = series.length - 1; i > 0; i -= 1) {
      const j = below(i + 1);
      [series[i], series[j]] = [series[j], series[i]];
    }
    for (const [project, indicator] of series) {
      if (below(5) > 0) row(1, project, indicator, NATIONAL, month);
      for (let restated = below(4); restated > 0; restated -= 1) {
        row(1, project, indicator, NATIONAL, Math.max(0, month - below(3)));
      }
      if (below(6) === 0) row(1, project, indicator, NATIONAL, below(month + 1));
      row(1, project, indicator, 'region:11', month);
      if (below(4) === 0) row(2, project, indicator, NATIONAL, month + 2);
    }
  }
  return rows;
}

describe.each(STORE_KINDS)('each indicator latest national value at (at, asOf) on %s', (kind: StoreKind) => {
  let database: ReadModelDatabase;
  let dispose: () => Promise<void> | void;
  beforeAll(async () => {
    if (kind === 'sqlite') {
      const { file, remove } = scratchSqliteFile('latest', 'read-models.sqlite');
      database = await openReadModelDatabase({ kind, file });
      dispose = remove;
    } else {
      const { connectionString: databaseUrl, schema, drop } = scratchPostgresSchema('latest');
      database = await openReadModelDatabase({ kind, databaseUrl, schema });
      dispose = drop;
    }
  });
  afterAll(async () => {
    await database.close();
    await dispose();
  });

  it.each([11, 2024])(
    'agrees with ranking every row, at every (at, asOf) of a history restated often (seed %i)',
    async (seed) => {
      const history = restatedHistory(seed);
      await database.writeAtomically({ statements: [sql`delete from rm_measurements`.compile(database.db)] });
      await database.writeAtomically({ inserts: [{ table: 'rm_measurements', rows: history }] });
      const ats = ['2020-12-31', ...Array.from({ length: MONTHS + 2 }, (_, month) => periodOf(month)), '2021-05-15'];
      // Every 11th position, shifted by one more each time: asOf lands on every kind of row, first of a period or not.
      const asOfs = Array.from({ length: history.length / 11 + 1 }, (_, i) =>
        BigInt(Math.min(i * 11 + (i % 11), history.length)),
      );
      let compared = 0;
      for (const at of ats) {
        for (const asOf of asOfs) {
          for (const projectIds of [PROJECTS, ['beta'], ['unmeasured']]) {
            const point = { at, asOf };
            const expected = await rankedLatest(database.db, 1, point, projectIds);
            expect({
              point,
              projectIds,
              latest: await latestNationalValues(database.db, 1, point, projectIds),
            }).toEqual({ point, projectIds, latest: expected });
            compared += expected.size;
          }
        }
      }
      // The history is not so sparse that most points read nothing.
      expect(compared).toBeGreaterThan(ats.length * asOfs.length);
    },
    60_000,
  );

  it('reads nothing for no project', async () => {
    expect(await latestNationalValues(database.db, 1, { at: '2030-01-01', asOf: 10_000n }, [])).toEqual(new Map());
  });
});

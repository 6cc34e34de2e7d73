// Both ways of finding each series' latest national value agree with ranking every row, on both stores.
import type { Measurements } from '@portfolio/domain';
import { sql, type Kysely } from 'kysely';
import { scratchPostgresSchema, scratchSqliteFile } from '../../../event-store/src/testing/scratch-database';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { knownBy, type ReadModelTables } from '../database/read-model-tables';
import { STORE_KINDS, type StoreKind } from '../testing/read-side';
import { latestNationalValues, rankedUnlessMany, rankedWhenFew } from './latest-national-values';
import { NATIONAL, type LatestRow } from './national-rows';
import type { TemporalPoint } from './portfolio-snapshot';
import { soughtLatest } from './sought-latest';

/**
 * The definition both must agree with: rank every national row with period ≤ at known by asOf, per series, by period
 * then position, and keep the first (the query as-of reads ran before, linear in the history's length).
 */
async function rankedEveryRow(
  db: Kysely<ReadModelTables>,
  generation: number,
  point: TemporalPoint,
  projectIds: readonly string[],
): Promise<LatestRow[]> {
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
  return db
    .selectFrom(ranked.as('ranked'))
    .select(['project_id', 'indicator_id', 'period', 'value'])
    .where('rank', '=', 1)
    .execute();
}

/** The rows a read's measurements were made of. */
const rowsOf = (latest: Map<string, Measurements>): LatestRow[] =>
  [...latest].flatMap(([project_id, byIndicator]) =>
    Object.entries(byIndicator).flatMap(([indicator_id, byTerritory]) =>
      Object.entries(byTerritory[NATIONAL]).map(([period, value]) => ({ project_id, indicator_id, period, value })),
    ),
  );

/** Rows in one order, values as numbers (PostgreSQL may answer a double as a string): comparable across queries. */
const comparable = (rows: readonly LatestRow[] | undefined) =>
  rows
    ?.map((row) => ({ ...row, value: Number(row.value) }))
    .sort((a, b) => `${a.project_id}|${a.indicator_id}`.localeCompare(`${b.project_id}|${b.indicator_id}`));

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

  const replaceHistory = async (rows: readonly Record<string, string | number | null>[]) => {
    await database.writeAtomically({ statements: [sql`delete from rm_measurements`.compile(database.db)] });
    await database.writeAtomically({ inserts: [{ table: 'rm_measurements', rows }] });
  };

  it.each([11, 2024])(
    'ranking, seeking and the read that picks one agree with ranking every row, at every (at, asOf) of a history restated often (seed %i)',
    async (seed) => {
      const history = restatedHistory(seed);
      await replaceHistory(history);
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
            const expected = comparable(await rankedEveryRow(database.db, 1, point, projectIds));
            expect({
              point,
              projectIds,
              ranked: comparable(await rankedWhenFew(database.db, 1, point, projectIds, history.length)),
              sought: comparable(await soughtLatest(database.db, 1, point, projectIds)),
              picked: comparable(rowsOf(await latestNationalValues(database.db, 1, point, projectIds))),
            }).toEqual({ point, projectIds, ranked: expected, sought: expected, picked: expected });
            compared += expected?.length ?? 0;
          }
        }
      }
      // The history is not so sparse that most points read nothing.
      expect(compared).toBeGreaterThan(ats.length * asOfs.length);
    },
    60_000,
  );

  it('ranks when the projects read have at most the given number of national rows, and declines past it', async () => {
    const history = restatedHistory(7);
    await replaceHistory(history);
    const nationalRows = (projectIds?: readonly string[]) =>
      history.filter(
        (row) =>
          row.generation === 1 &&
          row.territory_key === NATIONAL &&
          (projectIds === undefined || projectIds.includes(row.project_id as string)),
      ).length;
    const point = { at: periodOf(MONTHS), asOf: BigInt(history.length) };
    for (const projectIds of [undefined, ['beta']]) {
      const all = nationalRows(projectIds);
      expect(comparable(await rankedWhenFew(database.db, 1, point, projectIds, all))).toEqual(
        comparable(await rankedEveryRow(database.db, 1, point, projectIds ?? PROJECTS)),
      );
      expect(await rankedWhenFew(database.db, 1, point, projectIds, all - 1)).toBeUndefined();
    }
  });

  it('past the bound, answers the count alone and ranks no series', async () => {
    const history = restatedHistory(7);
    await replaceHistory(history);
    const point = { at: periodOf(MONTHS), asOf: BigInt(history.length) };
    const { rows } = await rankedUnlessMany(1, point, undefined, 10).execute(database.db);
    expect(rows.map((row) => ({ ...row, scoped: Number(row.scoped) }))).toEqual([
      { scoped: 11, project_id: null, indicator_id: null, period: null, value: null },
    ]);
  });

  it('reads nothing for no project', async () => {
    expect(await latestNationalValues(database.db, 1, { at: '2030-01-01', asOf: 10_000n }, [])).toEqual(new Map());
  });
});

// PostgreSQL seeks each series' answer by index whatever its statistics say, as a rebuilt generation has none yet.
import { CompiledQuery } from 'kysely';
import { scratchPostgresSchema } from '../../../event-store/src/testing/scratch-database';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { NATIONAL } from './national-rows';
import { lateralSeeks, type Seeks } from './sought-latest';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

const SERIES = 40;
const ROWS_PER_SERIES = 500;

describe('the seek of each series on PostgreSQL, on a table never analysed', () => {
  let database: ReadModelDatabase;
  let schema: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const scratch = scratchPostgresSchema('seek_plan');
    ({ schema, drop } = scratch);
    database = await openReadModelDatabase({ kind: 'postgres', databaseUrl: scratch.connectionString, schema });
    // Given 20,000 national rows restated often, inserted as a rebuild does, with no statistics yet.
    const rows = Array.from({ length: SERIES * ROWS_PER_SERIES }, (_, i) => ({
      generation: 1,
      project_id: `p${Math.floor(i / ROWS_PER_SERIES) % 4}`,
      indicator_id: `i${Math.floor(i / ROWS_PER_SERIES)}`,
      territory_key: NATIONAL,
      period: new Date(Date.UTC(2021, (i % ROWS_PER_SERIES) % 24, 28)).toISOString().slice(0, 10),
      value: i,
      supersedes: null,
      position: i + 1,
      recorded_at: '2026-01-01T00:00:00.000Z',
    }));
    for (let start = 0; start < rows.length; start += 2_000) {
      await database.writeAtomically({
        inserts: [{ table: 'rm_measurements', rows: rows.slice(start, start + 2_000) }],
      });
    }
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  const planOf = async (seeks: Seeks): Promise<PlanNode[]> => {
    const compiled = lateralSeeks(seeks).compile(database.db);
    const { rows } = await database.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
    );
    return nodesOf(rows[0]['QUERY PLAN'][0].Plan);
  };

  it.each([undefined, ['p1']])('reads the measurements by index seeks only, projects read: %p', async (projectIds) => {
    const { rows } = await database.db.executeQuery<{ analysed: string }>(
      CompiledQuery.raw(`select count(*) as analysed from pg_stats where schemaname = $1`, [schema]),
    );
    expect(Number(rows[0].analysed)).toBe(0);
    // When PostgreSQL plans the read of every series' answer at a point.
    const seeks = { generation: 1, projectIds, frontier: '2022-06-30', asOf: 15_000n };
    const nodes = await planOf(seeks);
    // Then no step hashes or scans the table: each reads it through an index, a few rows at a time.
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Hash Join');
    const reads = nodes.filter((node) => node['Relation Name'] === 'rm_measurements');
    expect(reads.map((node) => node['Node Type']).filter((type) => !type.startsWith('Index'))).toEqual([]);
  });
});

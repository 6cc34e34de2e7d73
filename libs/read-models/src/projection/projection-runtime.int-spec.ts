import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { toPosition } from '../database/read-model-tables';
import { fixedNow } from '../testing/fixed-now';
import { generationContents, indexedPositions, measurementRows } from '../testing/generation-rows';
import { useSubject } from '../testing/read-model-subject';
import { ProjectionRuntime } from './projection-runtime';
import { projectorsOf, runtimeOf } from '../testing/runtime-of';
import { hubeeMeasurement, logPositions, seedLog } from '../testing/seed-log';
import { until } from '../testing/until';

describe.each(['sqlite', 'postgres'] as const)('projection runtime on %s', (kind) => {
  const subject = useSubject(kind);

  it('catches up with the log, then follows appends as they happen', async () => {
    await seedLog(subject.store, 1000);
    const runtime = runtimeOf(subject);
    await runtime.start();
    try {
      expect(await runtime.waitFor(await subject.store.head(), 10_000)).toBe(true);
      expect(await indexedPositions(subject.database, 1)).toEqual(await logPositions(subject.store));
      const { position } = await subject.store.append('project-hubee', [hubeeMeasurement(1)], 'any');
      expect(await runtime.waitFor(position, 5000)).toBe(true);
      const status = await runtime.status();
      expect(status.projectors.map((p) => [p.name, p.position, p.lag, p.state])).toEqual([
        ['portfolio', position.toString(), '0', 'live'],
        ['audit-log', position.toString(), '0', 'live'],
      ]);
    } finally {
      await runtime.stop();
    }
  });

  it('reports a head behind its projected position as a negative lag, and says the log is behind', async () => {
    await seedLog(subject.store, 17); // 20 events: a mission, two projects and 17 measurements
    const runtime = runtimeOf(subject);
    await runtime.start();
    try {
      expect(await runtime.waitFor(20n, 10_000)).toBe(true);
      // Rows taken out of the log's tail, as someone with write access to the database could; PostgreSQL keeps its
      // head in a row of its own, which a thorough tamperer moves back too.
      await sql`DELETE FROM events WHERE position > 17`.execute(subject.database.db);
      if (kind === 'postgres') await sql`UPDATE event_log_head SET position = 17`.execute(subject.database.db);
      const status = await runtime.status();
      expect(status.projectors.map((p) => [p.name, p.position, p.head, p.lag])).toEqual([
        ['portfolio', '20', '17', '-3'],
        ['audit-log', '20', '17', '-3'],
      ]);
      expect(status.projectors[0].warning).toBe(
        'the log is behind the read models: its head is at position 17, but events up to position 20 were projected; rows were removed from the log (run GET /audit/verify)',
      );
    } finally {
      await runtime.stop();
    }
  });

  it('resumes after a stop from its checkpoint, without losing or repeating an event', async () => {
    await seedLog(subject.store, 3000);
    const first = runtimeOf(subject, 100);
    await first.start();
    await first.waitFor(500n, 10_000);
    await first.stop();
    expect(first.position).toBeLessThan(await subject.store.head());
    const second = runtimeOf(subject, 100);
    await second.start();
    try {
      expect(await second.waitFor(await subject.store.head(), 20_000)).toBe(true);
      expect(await indexedPositions(subject.database, 1)).toEqual(await logPositions(subject.store));
      expect(await measurementRows(subject.database)).toBe(3000);
    } finally {
      await second.stop();
    }
  });

  it('resumes without loss or double counting after its process is killed in the middle of catch-up', async () => {
    await seedLog(subject.store, 20_000);
    const head = await subject.store.head();
    const script = resolve(__dirname, '../testing/run-projections.ts');
    // tsx as a loader of this very process: its CLI would run the script in a grandchild that a kill would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...subject.processArguments], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      // Kill it once it has committed some batches but not all.
      let checkpoint = 0n;
      for (let i = 0; i < 400 && (checkpoint === 0n || checkpoint >= head); i++) {
        await new Promise((r) => setTimeout(r, 25));
        const row = await subject.database.db.selectFrom('rm_checkpoints').select('position').executeTakeFirst();
        checkpoint = row === undefined ? 0n : toPosition(row.position);
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect(checkpoint).toBeGreaterThan(0n);
      expect(checkpoint).toBeLessThan(head);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const runtime = runtimeOf(subject);
    await runtime.start();
    try {
      expect(await runtime.waitFor(head, 30_000)).toBe(true);
      expect(await indexedPositions(subject.database, 1)).toEqual(await logPositions(subject.store));
      expect(await measurementRows(subject.database)).toBe(20_000);
    } finally {
      await runtime.stop();
    }
  }, 60_000);

  it('rebuilds from scratch into a new generation identical to the incremental one, serving the old meanwhile', async () => {
    await seedLog(subject.store, 2000);
    const runtime = runtimeOf(subject);
    const projectors = projectorsOf(subject.database);
    await runtime.start();
    try {
      await runtime.waitFor(await subject.store.head(), 10_000);
      const incremental = await generationContents(subject.database, projectors, 1);
      const started = await runtime.rebuild();
      expect(started).toMatchObject({ generation: 2, state: 'running' });
      expect(runtime.activeGenerationNumber).toBe(1);
      await until(async () => (await runtime.status()).rebuild?.state === 'done');
      expect((await runtime.status()).rebuild).toMatchObject({ generation: 2, state: 'done', progress: 100 });
      expect(runtime.activeGenerationNumber).toBe(2);
      expect(await generationContents(subject.database, projectors, 2)).toEqual(incremental);
      // The old generation is gone once replaced.
      expect(await indexedPositions(subject.database, 1)).toEqual([]);
    } finally {
      await runtime.stop();
    }
  }, 60_000);
});

describe('projection runtime on postgres, at the head of a large backlog', () => {
  const subject = useSubject('postgres');
  /** Rows the planner believes rm_measurements holds: -1 until a first ANALYZE, exact after one on a small table. */
  const plannedRows = async (): Promise<number> => {
    const { rows } = await sql<{ reltuples: number }>`
      SELECT c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname = 'rm_measurements'`.execute(subject.database.db);
    return Number(rows[0].reltuples);
  };

  const runtimeGrowingBy500 = () =>
    new ProjectionRuntime(subject.store, subject.database, projectorsOf(subject.database), {
      now: fixedNow,
      batchSize: 200,
      statisticsGrowth: 500,
    });
  const hubee = (count: number, from: number) => Array.from({ length: count }, (_, i) => hubeeMeasurement(from + i));

  it('refreshes the planner statistics once the history has grown enough and doubled, not after every batch', async () => {
    await seedLog(subject.store, 600);
    const runtime = runtimeGrowingBy500();
    await runtime.start();
    try {
      await runtime.waitFor(await subject.store.head(), 10_000);
      await until(async () => (await plannedRows()) === 600);
      const { position: grown } = await subject.store.append('project-hubee', hubee(100, 1), 'any');
      await runtime.waitFor(grown, 10_000);
      expect(await plannedRows()).toBe(600);
      const { position: doubled } = await subject.store.append('project-hubee', hubee(600, 101), 'any');
      await runtime.waitFor(doubled, 10_000);
      await until(async () => (await plannedRows()) === 1300);
    } finally {
      await runtime.stop();
    }
  });

  it('takes the statistics of read models it starts on as current, instead of sampling every table at each start', async () => {
    await seedLog(subject.store, 600);
    const first = runtimeGrowingBy500();
    await first.start();
    await first.waitFor(await subject.store.head(), 10_000);
    await until(async () => (await plannedRows()) === 600);
    await first.stop();
    await subject.store.append('project-hubee', hubee(500, 1), 'any');
    const second = runtimeGrowingBy500();
    await second.start();
    try {
      await second.waitFor(await subject.store.head(), 10_000);
      // The follower checks its statistics at the head before it applies the next batch: once that batch is in, the
      // check after the start is over.
      const { position } = await subject.store.append('project-hubee', [hubeeMeasurement(501)], 'any');
      await second.waitFor(position, 10_000);
      expect(await plannedRows()).toBe(600);
    } finally {
      await second.stop();
    }
  });
});

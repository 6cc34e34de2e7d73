import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore, SqliteEventStore, type EventStore, type NewEvent } from '@portfolio/event-store';
import { testDatabaseUrl } from '../../../event-store/src/testing/test-database-url';
import { openReadModelDatabase, type ReadModelDatabase, type ReadModelLocation } from '../database/read-model-database';
import { toPosition, type ReadModelTables } from '../database/read-model-tables';
import { AuditLogProjector } from '../projectors/audit-log.projector';
import { PortfolioProjector } from '../projectors/portfolio.projector';
import { PostgresAdvisoryLeadership } from './postgres-advisory-leadership';
import type { ProjectionLeadership } from './projection-leadership';
import { ProjectionRuntime } from './projection-runtime';
import { fixedNow } from '../testing/fixed-now';

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data: data as NewEvent['data'],
  metadata: { actor: { id: 'seed', name: 'Seed', role: 'admin' } },
});

/** A mission, two projects and `measurements` values in batches, as the command path would write them. */
async function seed(store: EventStore, measurements: number): Promise<void> {
  await store.append(
    'mission-DATA',
    [event('MissionDefined', { missionCode: 'DATA', name: 'Data', programme: 'Tech.gouv', definedOn: '2019-04-25' })],
    'any',
  );
  for (const projectId of ['hubee', 'vitam']) {
    await store.append(
      `project-${projectId}`,
      [
        event('ProjectLaunched', {
          projectId,
          missionCode: 'DATA',
          title: projectId,
          objective: 'o',
          leadOrganisation: 'DINUM',
          launchedOn: '2019-04-25',
          milestones: [],
          indicators: [],
        }),
      ],
      'any',
    );
  }
  for (let i = 0; i < measurements; i += 100) {
    const batch = Array.from({ length: Math.min(100, measurements - i) }, (_, j) =>
      event('IndicatorMeasured', {
        projectId: (i + j) % 2 === 0 ? 'hubee' : 'vitam',
        indicatorId: 'echanges',
        value: i + j,
        period: `20${String(10 + ((i + j) % 12)).padStart(2, '0')}-01-31`,
        territory: { level: 'departement', code: String(10 + ((i + j) % 80)) },
      }),
    );
    await store.append((i / 100) % 2 === 0 ? 'project-hubee' : 'project-vitam', batch, 'any');
  }
}

const TABLES = ['rm_missions', 'rm_project_facts', 'rm_measurements', 'rm_review_cycles', 'rm_event_index'] as const;

/** A generation's rows, without the generation column and with positions as strings, in a stable order. */
async function contents(database: ReadModelDatabase, generation: number): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await database.db
      .selectFrom(table as keyof ReadModelTables)
      .selectAll()
      .where('generation', '=', generation)
      .orderBy('position')
      .execute();
    result[table] = rows.map(({ generation: _generation, ...row }) => ({
      ...row,
      position: String(toPosition(row.position as string)),
    }));
  }
  return result;
}

async function indexedPositions(database: ReadModelDatabase, generation: number): Promise<string[]> {
  const rows = await database.db
    .selectFrom('rm_event_index')
    .select('position')
    .where('generation', '=', generation)
    .orderBy('position')
    .execute();
  return rows.map((row) => toPosition(row.position).toString());
}

async function logPositions(store: EventStore): Promise<string[]> {
  const positions: string[] = [];
  for await (const e of store.readAll()) positions.push(e.position.toString());
  return positions;
}

interface Subject {
  readonly location: ReadModelLocation;
  readonly store: EventStore;
  readonly database: ReadModelDatabase;
  /** Arguments of run-projections.ts for this database. */
  readonly processArguments: string[];
  dispose(): Promise<void>;
}

async function openSubject(kind: 'sqlite' | 'postgres'): Promise<Subject> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'portfolio-rm-'));
    const file = join(dir, 'portfolio.sqlite');
    const store = new SqliteEventStore({ file });
    const database = await openReadModelDatabase({ kind, file });
    return {
      location: { kind, file },
      store,
      database,
      processArguments: [file],
      dispose: async () => {
        await database.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const databaseUrl = testDatabaseUrl();
  const schema = `rm_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const store = await PostgresEventStore.open({ connectionString: databaseUrl, schema });
  const database = await openReadModelDatabase({ kind, databaseUrl, schema });
  return {
    location: { kind, databaseUrl, schema },
    store,
    database,
    processArguments: ['postgres', databaseUrl, schema],
    dispose: async () => {
      await database.close();
      await store.close();
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

function runtimeOf(
  subject: Subject,
  batchSize = 200,
  database = subject.database,
  leadership?: ProjectionLeadership,
): ProjectionRuntime {
  return new ProjectionRuntime(
    subject.store,
    database,
    [new PortfolioProjector(), new AuditLogProjector(database.db)],
    {
      now: fixedNow,
      batchSize,
      idleWaitMs: 1000,
      leadershipCheckMs: 200,
      ...(leadership === undefined ? {} : { leadership }),
    },
  );
}

/** Polls until the condition holds; fails after 20 s (the machines running CI may be loaded). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still not true after 20 s: ${condition.toString()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function measurementRows(database: ReadModelDatabase): Promise<number> {
  const measured = await database.db
    .selectFrom('rm_measurements')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(measured.n);
}

const hubeeMeasurement = (value: number) =>
  event('IndicatorMeasured', {
    projectId: 'hubee',
    indicatorId: 'echanges',
    value,
    period: '2021-01-31',
    territory: { level: 'national', code: 'FR' },
  });

describe.each(['sqlite', 'postgres'] as const)('projection runtime on %s', (kind) => {
  let subject: Subject;
  beforeEach(async () => {
    subject = await openSubject(kind);
  });
  afterEach(async () => {
    await subject.dispose();
  });

  it('catches up with the log, then follows appends as they happen', async () => {
    await seed(subject.store, 1000);
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

  it('resumes after a stop from its checkpoint, without losing or repeating an event', async () => {
    await seed(subject.store, 3000);
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
    await seed(subject.store, 20_000);
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
    await seed(subject.store, 2000);
    const runtime = runtimeOf(subject);
    await runtime.start();
    try {
      await runtime.waitFor(await subject.store.head(), 10_000);
      const incremental = await contents(subject.database, 1);
      const started = await runtime.rebuild();
      expect(started).toMatchObject({ generation: 2, state: 'running' });
      expect(runtime.activeGenerationNumber).toBe(1);
      await until(async () => (await runtime.status()).rebuild?.state === 'done');
      expect((await runtime.status()).rebuild).toMatchObject({ generation: 2, state: 'done', progress: 100 });
      expect(runtime.activeGenerationNumber).toBe(2);
      expect(await contents(subject.database, 2)).toEqual(incremental);
      // The old generation is gone once replaced.
      expect(await indexedPositions(subject.database, 1)).toEqual([]);
    } finally {
      await runtime.stop();
    }
  }, 60_000);

  it('never applies a batch twice, even when two processes both believe they lead: each batch is fenced on its checkpoint', async () => {
    await seed(subject.store, 4000);
    const otherConnection = await openReadModelDatabase(subject.location);
    // Both lead (the default, sole leadership): the situation of a leader that lost its lock without knowing it.
    const runtimes = [runtimeOf(subject, 50), runtimeOf(subject, 50, otherConnection)];
    await Promise.all(runtimes.map((runtime) => runtime.start()));
    try {
      const appended = await subject.store.append('project-hubee', [hubeeMeasurement(4001)], 'any');
      for (const runtime of runtimes) expect(await runtime.waitFor(appended.position, 30_000)).toBe(true);
      expect(await indexedPositions(subject.database, 1)).toEqual(await logPositions(subject.store));
      expect(await measurementRows(subject.database)).toBe(4001);
      for (const runtime of runtimes) {
        expect((await runtime.status()).projectors.every((p) => p.lastError === undefined)).toBe(true);
      }
    } finally {
      await Promise.all(runtimes.map((runtime) => runtime.stop()));
      await otherConnection.close();
    }
  }, 60_000);

  it('follows a generation switched by a rebuild in another process (the CLI beside a running API)', async () => {
    await seed(subject.store, 1000);
    const running = runtimeOf(subject);
    await running.start();
    const otherConnection = await openReadModelDatabase(subject.location);
    const rebuilder = runtimeOf(subject, 200, otherConnection);
    try {
      await rebuilder.start();
      const { generation } = await rebuilder.rebuild();
      await until(async () => (await rebuilder.status()).rebuild?.state === 'done');
      await until(async () => running.activeGenerationNumber === generation);
      const appended = await subject.store.append('project-hubee', [hubeeMeasurement(1001)], 'any');
      expect(await running.waitFor(appended.position, 10_000)).toBe(true);
      expect(await indexedPositions(subject.database, generation)).toEqual(await logPositions(subject.store));
    } finally {
      await Promise.all([running.stop(), rebuilder.stop()]);
      await otherConnection.close();
    }
  }, 60_000);

  if (kind === 'postgres') {
    it('lets one of two processes lead, the other serve its progress, and hands the lead over when the leader stops', async () => {
      await seed(subject.store, 1000);
      const location = subject.location as Extract<ReadModelLocation, { kind: 'postgres' }>;
      const otherConnection = await openReadModelDatabase(location);
      const leader = runtimeOf(subject, 200, subject.database, new PostgresAdvisoryLeadership(location));
      await leader.start();
      const standby = runtimeOf(subject, 200, otherConnection, new PostgresAdvisoryLeadership(location));
      await standby.start();
      try {
        const head = await subject.store.head();
        expect(await standby.waitFor(head, 10_000)).toBe(true);
        expect((await standby.status()).projectors.map((p) => p.state)).toEqual(['standby', 'standby']);
        expect((await leader.status()).projectors.every((p) => p.state !== 'standby')).toBe(true);
        await expect(standby.rebuild()).rejects.toThrow(/standby/);

        await leader.stop();
        const appended = await subject.store.append('project-hubee', [hubeeMeasurement(1001)], 'any');
        expect(await standby.waitFor(appended.position, 10_000)).toBe(true);
        expect((await standby.status()).projectors.map((p) => p.state)).toEqual(['live', 'live']);
        expect(await indexedPositions(subject.database, 1)).toEqual(await logPositions(subject.store));
        expect(await measurementRows(subject.database)).toBe(1001);
      } finally {
        await Promise.all([leader.stop(), standby.stop()]);
        await otherConnection.close();
      }
    }, 60_000);
  }
});

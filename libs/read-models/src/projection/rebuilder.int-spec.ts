import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { FIXED_NOW } from '../testing/fixed-now';
import { generationContents, rowCounts } from '../testing/generation-rows';
import type { ReadModelSubject } from '../testing/read-model-subject';
import { projectorsOf } from '../testing/runtime-of';
import { servingSeededLog } from '../testing/serving-the-head';
import type { ProjectionParts } from './projection-parts';
import { Rebuilder } from './rebuilder';

describe.each(['sqlite', 'postgres'] as const)('a rebuild of the read models on %s', (kind) => {
  let subject: ReadModelSubject;
  let parts: ProjectionParts;
  const generationRows = () =>
    subject.database.db.selectFrom('rm_generations').select(['generation', 'status']).orderBy('generation').execute();
  beforeEach(async () => {
    ({ subject, parts } = await servingSeededLog(kind));
  });
  afterEach(async () => {
    await subject.dispose();
  });

  it('fills a new generation while the active one serves, switches queries to it, then drops the one it replaced', async () => {
    const projectors = projectorsOf(subject.database);
    const served = await generationContents(subject.database, projectors, 1);
    const rebuilder = new Rebuilder(parts, new AbortController().signal);

    const started = await rebuilder.start();
    expect(started).toEqual({
      generation: 2,
      state: 'running',
      position: '0',
      target: '0',
      progress: 0,
      startedAt: FIXED_NOW,
      expectIdentical: false,
    });
    expect(rebuilder.current).toEqual(started);
    await rebuilder.settled();

    expect(rebuilder.current).toBeUndefined();
    expect(rebuilder.status).toEqual({
      generation: 2,
      state: 'done',
      position: '13',
      target: '13',
      progress: 100,
      startedAt: FIXED_NOW,
      finishedAt: FIXED_NOW,
      expectIdentical: false,
      parity: { position: '13', equal: true, documents: 30, digest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect([parts.progress.generation, parts.progress.checkpoint]).toEqual([2, 13n]);
    expect(await generationRows()).toEqual([{ generation: 2, status: 'active' }]);
    expect(await generationContents(subject.database, projectors, 2)).toEqual(served);
  });

  it('reports why it failed and drops what it built, while the active generation keeps serving', async () => {
    await subject.store.append(
      'mission-DATA',
      [{ eventId: randomUUID(), type: 'MissionRenamed', schemaVersion: 1, data: { name: 'Données' }, metadata: {} }],
      'any',
    );
    const rebuilder = new Rebuilder(parts, new AbortController().signal);
    const drop = parts.generations.drop.bind(parts.generations);
    const statesWhileDropping: (string | undefined)[] = [];
    jest.spyOn(parts.generations, 'drop').mockImplementation(async (generation) => {
      statesWhileDropping.push(rebuilder.status?.state);
      await drop(generation);
    });
    await rebuilder.start();
    await rebuilder.settled();

    // Not yet failed while its generation was being dropped: a new rebuild asked for on `failed` finds it gone.
    expect(statesWhileDropping).toEqual(['running']);
    expect(rebuilder.status).toEqual({
      generation: 2,
      state: 'failed',
      // The batches before the unknown event were applied; the one holding it was not.
      position: '10',
      target: '10',
      progress: 100,
      startedAt: FIXED_NOW,
      finishedAt: FIXED_NOW,
      expectIdentical: false,
      error: 'event MissionRenamed v1: unknown event type',
    });
    expect([parts.progress.generation, parts.progress.checkpoint]).toEqual([1, 13n]);
    expect(await generationRows()).toEqual([{ generation: 1, status: 'active' }]);
    const leftOver = await rowCounts(subject.database, projectorsOf(subject.database), 2);
    expect(Object.values(leftOver).every((n) => n === 0)).toBe(true);
  });

  if (kind === 'postgres') {
    it('gives the planner statistics of the rebuilt tables before queries read them', async () => {
      const analysed = async () =>
        sql<{ tablename: string }>`SELECT DISTINCT tablename FROM pg_stats
                                     WHERE schemaname = current_schema() AND attname = 'generation'`
          .execute(subject.database.db)
          .then(({ rows }) => rows.map((row) => row.tablename).sort());
      expect(await analysed()).toEqual([]);
      const rebuilder = new Rebuilder(parts, new AbortController().signal);

      await rebuilder.start();
      await rebuilder.settled();

      expect(await analysed()).toEqual(expect.arrayContaining(['rm_event_index', 'rm_project_facts']));
    });
  }
});

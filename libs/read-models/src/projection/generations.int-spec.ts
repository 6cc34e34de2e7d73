import { eventLoopTurnsDuring } from '../../../event-store/src/testing/event-loop-turns';
import { citpJuly2021Held, franceconnectLaunched, idnumDefined, measured } from '../../../domain/src/testing/tech-gouv';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { toPosition } from '../database/read-model-tables';
import { FIXED_NOW } from '../testing/fixed-now';
import { givenCommitted } from '../testing/given-events';
import { rowCounts } from '../testing/generation-rows';
import { useSubject } from '../testing/read-model-subject';
import { partsOf, projectorsOf } from '../testing/runtime-of';
import { logOf } from '../testing/stored-events';

const log = logOf(
  idnumDefined,
  franceconnectLaunched,
  // Named from a release, so that every table the projectors declare has a row.
  measured('comptes-actifs', 12_500_000, '2019-12-31', {
    release: { series: 'barometre', id: '2021-03-15', publishedOn: '2021-03-15' },
  }),
  citpJuly2021Held,
);

describe.each(['sqlite', 'postgres'] as const)('the generations of the read models on %s', (kind) => {
  const subject = useSubject(kind);
  const generationsOf = (database: ReadModelDatabase) => partsOf(subject, database).generations;
  const statuses = async () =>
    subject.database.db.selectFrom('rm_generations').select(['generation', 'status']).orderBy('generation').execute();

  it('creates the first generation active, stamped with the time it is given, every projector at position 0', async () => {
    expect(await generationsOf(subject.database).activeOrCreate()).toBe(1);
    expect(await subject.database.db.selectFrom('rm_generations').selectAll().execute()).toEqual([
      { generation: 1, status: 'active', created_at: FIXED_NOW },
    ]);
    const checkpoints = await subject.database.db
      .selectFrom('rm_checkpoints')
      .selectAll()
      .orderBy('projector')
      .execute();
    expect(checkpoints.map((row) => ({ ...row, position: toPosition(row.position) }))).toEqual([
      { generation: 1, projector: 'audit-log', position: 0n },
      { generation: 1, projector: 'portfolio', position: 0n },
    ]);
  });

  it('has one active generation when several processes start on an empty database at once', async () => {
    const others = await Promise.all([1, 2].map(() => openReadModelDatabase(subject.location)));
    try {
      const active = await Promise.all(
        [subject.database, ...others].map((database) => generationsOf(database).activeOrCreate()),
      );
      expect(new Set(active).size).toBe(1);
      expect(await statuses()).toEqual([{ generation: active[0], status: 'active' }]);
    } finally {
      await Promise.all(others.map((database) => database.close()));
    }
  });

  it("numbers a rebuild's generation after the last, building beside the active one until it is switched to", async () => {
    const generations = generationsOf(subject.database);
    await generations.activeOrCreate();
    expect(await generations.create('building')).toBe(2);
    expect(await generations.findActive()).toBe(1);
    await generations.activate(2);
    expect(await generations.findActive()).toBe(2);
    expect(await statuses()).toEqual([
      { generation: 1, status: 'retired' },
      { generation: 2, status: 'active' },
    ]);
  });

  it('drops every row of a generation, from each table its projectors declare and the runtime keeps, and no other', async () => {
    const generations = generationsOf(subject.database);
    const projectors = projectorsOf(subject.database);
    await generations.activeOrCreate();
    await generations.create('building');
    for (const generation of [1, 2]) {
      for (const projector of projectors) await givenCommitted(subject.database, projector, log, generation);
    }
    const served = await rowCounts(subject.database, projectors, 1);
    expect(Object.values(served).every((n) => n > 0)).toBe(true);

    await generations.drop(2);
    expect(Object.values(await rowCounts(subject.database, projectors, 2)).every((n) => n === 0)).toBe(true);
    expect(await rowCounts(subject.database, projectors, 1)).toEqual(served);
  });

  it('drops a large generation a range of positions at a time, letting the event loop turn between them', async () => {
    // Given a generation whose rows span several ranges of positions
    const generations = generationsOf(subject.database);
    await generations.activeOrCreate();
    await generations.create('building');
    const rows = Array.from({ length: 25_000 }, (_, i) => ({
      generation: 2,
      position: String(i + 1),
      stream_id: 'project-franceconnect',
      type: 'MeasurementsRecorded',
      project_id: 'franceconnect',
      mission_code: 'IDNUM',
      actor_id: 'user:alice',
      recorded_at: FIXED_NOW,
    }));
    await subject.database.writeAtomically({ inserts: [{ table: 'rm_event_index', rows }] });
    // When it is dropped, with a request (a turn of the event loop) asked for meanwhile
    const { turns } = await eventLoopTurnsDuring(() => generations.drop(2));
    // Then the loop turned between the ranges, and nothing of the generation is left
    expect(turns).toBeGreaterThanOrEqual(2);
    const left = await subject.database.db
      .selectFrom('rm_event_index')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('generation', '=', 2)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    expect(await statuses()).toEqual([{ generation: 1, status: 'active' }]);
  });

  it('drops the generations a rebuild left behind when its process stopped, and only those', async () => {
    const generations = generationsOf(subject.database);
    await generations.activeOrCreate();
    await generations.create('building');
    await generations.dropAbandonedRebuilds();
    expect(await statuses()).toEqual([{ generation: 1, status: 'active' }]);
  });
});

import { openReadModelDatabase } from '../database/read-model-database';
import { toPosition } from '../database/read-model-tables';
import { indexedPositions, measurementRows } from '../testing/generation-rows';
import { openSubject, type ReadModelSubject } from '../testing/read-model-subject';
import { partsOf } from '../testing/runtime-of';
import { seedLog } from '../testing/seed-log';
import { CheckpointMovedError } from './batch-applier';

describe.each(['sqlite', 'postgres'] as const)('batches applied to a generation on %s', (kind) => {
  let subject: ReadModelSubject;
  const checkpointRows = async () => {
    const rows = await subject.database.db.selectFrom('rm_checkpoints').selectAll().orderBy('projector').execute();
    return rows.map((row) => ({ ...row, position: toPosition(row.position) }));
  };
  beforeEach(async () => {
    subject = await openSubject(kind);
    // A mission, two launches and ten measurements: positions 1 to 13.
    await seedLog(subject.store, 10);
  });
  afterEach(async () => {
    await subject.dispose();
  });

  it("applies the log a batch at a time, every projector's rows with its checkpoint, until the head", async () => {
    const { generations, batches } = partsOf(subject);
    const generation = await generations.activeOrCreate();
    expect(await batches.applyNext(generation, 0n)).toBe(5n);
    expect(await indexedPositions(subject.database, generation)).toEqual(['1', '2', '3', '4', '5']);
    expect(await checkpointRows()).toEqual([
      { generation, projector: 'audit-log', position: 5n },
      { generation, projector: 'portfolio', position: 5n },
    ]);
    expect(await batches.applyNext(generation, 5n)).toBe(10n);
    expect(await batches.applyNext(generation, 10n)).toBe(13n);
    expect(await batches.applyNext(generation, 13n)).toBeUndefined();
    expect(await measurementRows(subject.database)).toBe(10);
  });

  it('writes nothing of a batch whose checkpoint another process moved meanwhile', async () => {
    const other = await openReadModelDatabase(subject.location);
    try {
      const generation = await partsOf(subject).generations.activeOrCreate();
      expect(await partsOf(subject, other).batches.applyNext(generation, 0n)).toBe(5n);
      await expect(partsOf(subject).batches.applyNext(generation, 0n)).rejects.toThrow(CheckpointMovedError);
      expect(await indexedPositions(subject.database, generation)).toEqual(['1', '2', '3', '4', '5']);
      expect(await measurementRows(subject.database)).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('gives a projector with no checkpoint row one at the position of the others, so that its batches can be fenced', async () => {
    const { checkpoints } = partsOf(subject);
    expect(await checkpoints.read(1)).toBe(0n);
    await subject.database.db
      .insertInto('rm_checkpoints')
      .values({ generation: 1, projector: 'portfolio', position: '42' })
      .execute();
    await checkpoints.ensure(1);
    expect(await checkpointRows()).toEqual([
      { generation: 1, projector: 'audit-log', position: 42n },
      { generation: 1, projector: 'portfolio', position: 42n },
    ]);
    expect(await checkpoints.read(1)).toBe(42n);
  });
});

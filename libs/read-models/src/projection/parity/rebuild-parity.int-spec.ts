import { sql } from 'kysely';
import { generationContents, rowCounts } from '../../testing/generation-rows';
import type { ReadModelSubject } from '../../testing/read-model-subject';
import { projectorsOf } from '../../testing/runtime-of';
import { hubeeMeasurement } from '../../testing/seed-log';
import { servingSeededLog } from '../../testing/serving-the-head';
import type { ProjectionParts } from '../projection-parts';
import { Rebuilder } from '../rebuilder';
import { GenerationParity } from './parity-check';

const DIGEST = /^[0-9a-f]{64}$/;

// The measurement at position 7 of the seeded log, as the log says it is (the fourth value, for VitaM).
const MEASUREMENT_7 = {
  project_id: 'vitam',
  indicator_id: 'echanges',
  territory_key: 'departement:13',
  period: '2013-01-31',
  value: 3,
  supersedes: null,
  position: '7',
  recorded_at: expect.any(String),
};

describe.each(['sqlite', 'postgres'] as const)('the parity of a rebuild with the live read models on %s', (kind) => {
  let subject: ReadModelSubject;
  let parts: ProjectionParts;
  const rebuild = async (options: { expectIdentical?: boolean } = {}) => {
    const rebuilder = new Rebuilder(parts, new AbortController().signal);
    await rebuilder.start(options);
    await rebuilder.settled();
    return rebuilder.status;
  };
  // What an old projector's bug would have left in the live generation.
  const inLive = (statement: string) => sql.raw(statement).execute(subject.database.db);

  beforeEach(async () => {
    ({ subject, parts } = await servingSeededLog(kind));
  });
  afterEach(async () => {
    await subject.dispose();
  });

  it('given live read models projected from the same log, reports them equal at the switch position', async () => {
    const status = await rebuild({ expectIdentical: true });

    expect(status).toMatchObject({ state: 'done', position: '13', expectIdentical: true });
    expect(status?.parity).toEqual({
      position: '13',
      equal: true,
      documents: 30,
      digest: expect.stringMatching(DIGEST),
    });
  });

  it('given a live generation behind the log, compares at the switch position all the same', async () => {
    // Appended, not yet applied by the live follower.
    for (let value = 0; value < 5; value++)
      await subject.store.append('project-hubee', [hubeeMeasurement(value)], 'any');

    const status = await rebuild({ expectIdentical: true });

    expect(status).toMatchObject({ state: 'done', position: '18' });
    expect(status?.parity).toEqual({
      position: '18',
      equal: true,
      documents: 40,
      digest: expect.stringMatching(DIGEST),
    });
    expect([parts.progress.generation, parts.progress.checkpoint]).toEqual([2, 18n]);
  });

  it('given a live row changed since it was projected, names that document and switches anyway', async () => {
    await inLive('UPDATE rm_measurements SET value = 999 WHERE generation = 1 AND position = 7');

    const status = await rebuild();

    expect(status).toMatchObject({ state: 'done', generation: 2 });
    expect(status?.parity).toEqual({
      position: '13',
      equal: false,
      liveDigest: expect.stringMatching(DIGEST),
      rebuiltDigest: expect.stringMatching(DIGEST),
      differences: 1,
      firstDifference: {
        document: 'project vitam: measurement of echanges for departement:13, period 2013-01-31 at position 7',
        table: 'rm_measurements',
        position: '7',
        live: { ...MEASUREMENT_7, value: 999 },
        rebuilt: MEASUREMENT_7,
      },
    });
    expect(status?.parity).not.toHaveProperty('digest');
    expect(parts.progress.generation).toBe(2);
  });

  it('given live rows missing, reports the one at the lowest position first, and counts every difference', async () => {
    await inLive('DELETE FROM rm_event_index WHERE generation = 1 AND position IN (5, 11)');
    await inLive("UPDATE rm_project_facts SET data = '{}' WHERE generation = 1 AND position = 3");

    const parity = (await rebuild())?.parity;

    expect(parity).toMatchObject({
      equal: false,
      differences: 3,
      firstDifference: { document: 'project vitam: ProjectLaunched at position 3', table: 'rm_project_facts' },
    });
  });

  it('given a difference and a rebuild expecting identical read models, refuses to switch: the live ones keep serving', async () => {
    await inLive('DELETE FROM rm_event_index WHERE generation = 1 AND position = 5');
    const projectors = projectorsOf(subject.database);
    const live = await generationContents(subject.database, projectors, 1);

    const status = await rebuild({ expectIdentical: true });

    expect(status).toMatchObject({
      generation: 2,
      state: 'failed',
      expectIdentical: true,
      error:
        'the rebuilt read models differ from the live ones up to position 13 (1 document; first: audit-log entry at ' +
        'position 5): the live read models keep serving and the rebuilt ones were dropped',
      parity: {
        equal: false,
        firstDifference: { document: 'audit-log entry at position 5', live: null, rebuilt: expect.any(Object) },
      },
    });
    expect([parts.progress.generation, parts.progress.checkpoint]).toEqual([1, 13n]);
    const generations = await subject.database.db.selectFrom('rm_generations').selectAll().execute();
    expect(generations.map(({ generation, status }) => ({ generation, status }))).toEqual([
      { generation: 1, status: 'active' },
    ]);
    expect(await generationContents(subject.database, projectors, 1)).toEqual(live);
    const leftOver = await rowCounts(subject.database, projectors, 2);
    expect(Object.values(leftOver).every((n) => n === 0)).toBe(true);
  });

  it('given the live generation moving on meanwhile, compares range after range as if all at once', async () => {
    const rebuilt = (await parts.generations.create('building')) as number;
    const applyTo = async (generation: number, from: bigint, upTo: bigint) => {
      for (let position = from; position < upTo;) position = (await parts.batches.applyNext(generation, position))!;
    };
    await applyTo(rebuilt, 0n, 13n);
    // Pages of three rows: each range spans several, as the big ones do.
    const inSteps = new GenerationParity(subject.database, projectorsOf(subject.database), 3).between(1, rebuilt);
    await inSteps.advance(13n);
    for (let value = 0; value < 15; value++)
      await subject.store.append('project-hubee', [hubeeMeasurement(value)], 'any');
    // The live generation goes on to 28, past the rebuilt one (at 23): the rows beyond are not compared.
    await applyTo(1, 13n, 28n);
    await applyTo(rebuilt, 13n, 23n);

    await inSteps.advance(23n);
    const atOnce = parts.parity.between(1, rebuilt);
    await atOnce.advance(23n);

    const parity = inSteps.result();
    expect(parity).toEqual({ position: '23', equal: true, documents: 50, digest: expect.stringMatching(DIGEST) });
    expect(atOnce.result()).toEqual(parity);
  });
});

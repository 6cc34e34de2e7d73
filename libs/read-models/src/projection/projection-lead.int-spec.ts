import { openReadModelDatabase, type ReadModelDatabase, type ReadModelLocation } from '../database/read-model-database';
import { openSubject, type ReadModelSubject } from '../testing/read-model-subject';
import { partsOf } from '../testing/runtime-of';
import { seedLog } from '../testing/seed-log';
import { PostgresAdvisoryLeadership } from './postgres-advisory-leadership';
import { ProjectionLead } from './projection-lead';
import { SoleLeadership, type ProjectionLeadership } from './projection-leadership';

describe.each(['sqlite', 'postgres'] as const)('the lead of the projections on %s', (kind) => {
  let subject: ReadModelSubject;
  let other: ReadModelDatabase;
  const logged: string[] = [];
  /** A process's parts and lead over one connection, as each process wires them. */
  const processOn = (database: ReadModelDatabase, leadership: ProjectionLeadership = new SoleLeadership()) => {
    const parts = partsOf(subject, database, (message) => logged.push(message));
    return { ...parts, lead: new ProjectionLead(leadership, parts) };
  };
  beforeEach(async () => {
    subject = await openSubject(kind);
    other = await openReadModelDatabase(subject.location);
    logged.length = 0;
    // A mission, two launches and ten measurements: positions 1 to 13.
    await seedLog(subject.store, 10);
  });
  afterEach(async () => {
    await other.close();
    await subject.dispose();
  });

  it('takes over the active generation from its committed checkpoint, dropping a rebuild left behind by a stopped leader', async () => {
    const previous = processOn(other);
    await previous.generations.activeOrCreate();
    await previous.batches.applyNext(1, 0n);
    await previous.generations.create('building');

    const { lead, progress } = processOn(subject.database);
    await lead.start();
    expect([progress.generation, progress.checkpoint, lead.standingBy]).toEqual([1, 5n, false]);
    expect(await previous.generations.findActive()).toBe(1);
    const left = await subject.database.db.selectFrom('rm_generations').select('generation').execute();
    expect(left.map((row) => row.generation)).toEqual([1]);
  });

  it('follows a generation that a rebuild in another process switched to', async () => {
    const { lead, progress } = processOn(subject.database);
    await lead.start();
    const rebuilding = processOn(other);
    expect(await rebuilding.generations.create('building')).toBe(2);
    await rebuilding.batches.applyNext(2, 0n);
    await rebuilding.generations.activate(2);

    await lead.check();
    expect([progress.generation, progress.checkpoint]).toEqual([2, 5n]);
  });

  if (kind === 'postgres') {
    const leadershipOn = () =>
      new PostgresAdvisoryLeadership(subject.location as Extract<ReadModelLocation, { kind: 'postgres' }>);

    it("stands by while another process leads, serving the leader's progress, and takes the lead once it is free", async () => {
      const leader = processOn(other, leadershipOn());
      await leader.lead.start();
      await leader.batches.applyNext(leader.progress.generation, 0n);
      const standby = processOn(subject.database, leadershipOn());
      try {
        await standby.lead.start();
        expect([standby.lead.standingBy, standby.lead.leading]).toEqual([true, false]);
        expect([standby.progress.generation, standby.progress.checkpoint]).toEqual([1, 5n]);

        await leader.lead.release();
        await standby.lead.check();
        expect([standby.progress.state, standby.lead.leading]).toEqual(['catching_up', true]);
        expect(logged).toEqual(['leading the projections from position 5']);
      } finally {
        await Promise.all([leader.lead.release(), standby.lead.release()]);
      }
    });
  }
});

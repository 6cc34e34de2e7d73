import { openReadModelDatabase, type ReadModelLocation } from '../database/read-model-database';
import { indexedPositions, measurementRows } from '../testing/generation-rows';
import { useSubject } from '../testing/read-model-subject';
import { runtimeOf } from '../testing/runtime-of';
import { hubeeMeasurement, logPositions, seedLog } from '../testing/seed-log';
import { until } from '../testing/until';
import { PostgresAdvisoryLeadership } from './postgres-advisory-leadership';

describe.each(['sqlite', 'postgres'] as const)('projection runtimes of several processes on %s', (kind) => {
  const subject = useSubject(kind);

  it('never applies a batch twice, even when two processes both believe they lead: each batch is fenced on its checkpoint', async () => {
    await seedLog(subject.store, 4000);
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
    await seedLog(subject.store, 1000);
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
      await seedLog(subject.store, 1000);
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
        // The new leader turns live once a pass finds nothing more to apply, just after the batch it waited for.
        await until(async () => (await standby.status()).projectors.every((p) => p.state === 'live'));
        expect(await indexedPositions(subject.database, 1)).toEqual(await logPositions(subject.store));
        expect(await measurementRows(subject.database)).toBe(1001);
      } finally {
        await Promise.all([leader.stop(), standby.stop()]);
        await otherConnection.close();
      }
    }, 60_000);
  }
});

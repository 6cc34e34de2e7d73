import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { DuplicateEventIdError, InvalidEventError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type { IssuedCommand } from '../command-key';
import type { EventStore } from '../event-store.port';
import { computeEventHash, GENESIS_HASH } from '../hash-chain';
import type { JsonObject, NewEvent, StoredEvent } from '../stored-event';
import { verifyChains } from '../verify-chains';

/** Raw writes that bypass the store, to prove that tampering is detected. */
export interface Tamperer {
  setData(position: bigint, dataText: string): Promise<void>;
  setMetadata(position: bigint, metadataText: string): Promise<void>;
  deleteEvent(position: bigint): Promise<void>;
  /** Exchanges the positions of two events (the rows stay intact, their order changes). */
  swapPositions(a: bigint, b: bigint): Promise<void>;
}

/** A fresh, empty database for each test, opened through the adapter under test. */
export interface ContractSubject {
  readonly store: EventStore;
  /** Another store on the same database through its own connections, as another process would open it. */
  openAnother(): Promise<EventStore>;
  /** Absent where the log cannot be altered through any API (KurrentDB): the tamper cases are skipped. */
  readonly tamper?: Tamperer;
  dispose(): Promise<void>;
}

/** Where an adapter differs from the SQL stores by the nature of its database (ARCHITECTURE §4). */
export interface ContractCapabilities {
  /** The log can be altered behind the store's back, so the tamper cases run (default true). */
  readonly tamperable?: boolean;
  /** An event id is refused in any stream once stored (default true); KurrentDB checks within a stream only. */
  readonly uniqueEventIdsAcrossStreams?: boolean;
  /** positionAt maps instants through recordedAt (default) or the server's own created time. */
  readonly timeIndex?: 'recordedAt' | 'server';
  /** How long the command-id index may trail an append (default 0: at once). */
  readonly commandIndexLagMs?: number;
}

export function newEvent(type: string, data: JsonObject = {}, metadata: JsonObject = {}): NewEvent {
  return { eventId: randomUUID(), type, schemaVersion: 1, data, metadata };
}

export async function collect<Item = StoredEvent>(events: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/**
 * The one suite every adapter must pass (ARCHITECTURE §4). Each adapter's int-spec calls it with a factory that
 * opens a real database.
 */
export function eventStoreContract(
  name: string,
  open: () => Promise<ContractSubject>,
  capabilities: ContractCapabilities = {},
): void {
  // Skipped, not dropped, where the database cannot do what the case checks (see ContractCapabilities): the report
  // then shows which guarantees an adapter does not give.
  const itIfTamperable = capabilities.tamperable === false ? it.skip : it;
  const itIfUniqueAcrossStreams = capabilities.uniqueEventIdsAcrossStreams === false ? it.skip : it;
  describe(`${name} event store contract`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    const streamOf = async (streamId: string) => collect(store.readStream(streamId));
    const tamper = (): Tamperer => {
      if (subject.tamper === undefined) throw new Error(`${name} declares itself tamperable but gives no Tamperer`);
      return subject.tamper;
    };

    /** readByCommand once the adapter's index has caught up with what the test expects. */
    async function commandEvents(command: IssuedCommand, expected: number): Promise<StoredEvent[]> {
      const deadline = Date.now() + (capabilities.commandIndexLagMs ?? 0);
      for (;;) {
        const events = await store.readByCommand(command);
        if (events.length >= expected || Date.now() >= deadline) return events;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    describe('expected revision', () => {
      it('creates a stream with no_stream and numbers revisions from 0', async () => {
        const result = await store.append('project-a', [newEvent('A'), newEvent('B')], 'no_stream');
        expect(result.revision).toBe(1n);
        const events = await streamOf('project-a');
        expect(events.map((e) => e.revision)).toEqual([0n, 1n]);
        expect(result.position).toBe(events[1].position);
        expect(await store.head()).toBe(result.position);
      });

      it('refuses no_stream on an existing stream and writes nothing', async () => {
        await store.append('project-a', [newEvent('A')], 'no_stream');
        const head = await store.head();
        const attempt = store.append('project-a', [newEvent('B')], 'no_stream');
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ streamId: 'project-a', expected: 'no_stream', actual: 0n });
        expect(await store.head()).toBe(head);
        expect(await streamOf('project-a')).toHaveLength(1);
      });

      it('appends at the exact revision and refuses a stale one without writing', async () => {
        await store.append('project-a', [newEvent('A')], 'no_stream');
        await store.append('project-a', [newEvent('B')], 0n);
        const head = await store.head();
        await expect(store.append('project-a', [newEvent('C')], 0n)).rejects.toMatchObject({
          expected: 0n,
          actual: 1n,
        });
        await expect(store.append('project-a', [newEvent('C')], 5n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.head()).toBe(head);
        expect((await streamOf('project-a')).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('refuses an exact revision on a stream that does not exist', async () => {
        await expect(store.append('project-none', [newEvent('A')], 0n)).rejects.toMatchObject({
          actual: 'no_stream',
        });
        expect(await store.head()).toBe(0n);
      });

      it('judges the expected revision by the stream as another store left it, and chains over it', async () => {
        const other = await subject.openAnother();
        try {
          await store.append('project-a', [newEvent('A')], 'no_stream');
          await other.append('project-a', [newEvent('B')], 0n);
          await expect(store.append('project-a', [newEvent('C')], 0n)).rejects.toMatchObject({ actual: 1n });
          expect((await store.append('project-a', [newEvent('C')], 1n)).revision).toBe(2n);
          await other.append('project-a', [newEvent('D')], 'any');
          expect((await store.append('project-a', [newEvent('E')], 'any')).revision).toBe(4n);
          expect((await streamOf('project-a')).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
          expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 5 });
        } finally {
          await other.close();
        }
      });

      it('appends with exists to a stream of any revision, and refuses it on a missing stream without writing', async () => {
        await store.append('project-a', [newEvent('A')], 'no_stream');
        expect((await store.append('project-a', [newEvent('B')], 'exists')).revision).toBe(1n);
        expect((await store.append('project-a', [newEvent('C'), newEvent('D')], 'exists')).revision).toBe(3n);
        const head = await store.head();
        const attempt = store.append('project-none', [newEvent('A')], 'exists');
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({
          streamId: 'project-none',
          expected: 'exists',
          actual: 'no_stream',
        });
        expect(await store.head()).toBe(head);
        await expect(streamOf('project-none')).rejects.toBeInstanceOf(StreamNotFoundError);
        expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 4 });
      });

      it('chains concurrent appends with exists, from this store and another, over one another', async () => {
        const other = await subject.openAnother();
        try {
          await store.append('project-a', [newEvent('A')], 'no_stream');
          const writers = [store, other, store, other];
          await Promise.all(writers.map((writer, i) => writer.append('project-a', [newEvent(`W${i}`)], 'exists')));
          expect((await streamOf('project-a')).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
          expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 5 });
        } finally {
          await other.close();
        }
      });

      it('appends with any whether or not the stream exists', async () => {
        await store.append('project-a', [newEvent('A')], 'any');
        const result = await store.append('project-a', [newEvent('B')], 'any');
        expect(result.revision).toBe(1n);
      });
    });

    describe('atomic batches', () => {
      itIfUniqueAcrossStreams('writes nothing of a batch whose third event reuses a stored event id', async () => {
        const existing = newEvent('A');
        await store.append('project-a', [existing], 'no_stream');
        const head = await store.head();
        const batch = [newEvent('B'), newEvent('C'), { ...existing, type: 'D' }, newEvent('E')];
        const attempt = store.append('project-b', batch, 'any');
        await expect(attempt).rejects.toBeInstanceOf(DuplicateEventIdError);
        await expect(attempt).rejects.toMatchObject({ eventId: existing.eventId });
        expect(await store.head()).toBe(head);
        await expect(streamOf('project-b')).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('refuses a batch that repeats an event id, or holds unstorable data, and writes nothing', async () => {
        const twice = newEvent('A');
        await expect(store.append('project-a', [twice, newEvent('B'), twice], 'any')).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        await expect(store.append('project-a', [newEvent('A', { value: Number.NaN })], 'any')).rejects.toBeInstanceOf(
          InvalidEventError,
        );
        await expect(
          store.append('project-a', [{ ...newEvent('A'), eventId: 'not-a-uuid' }], 'any'),
        ).rejects.toBeInstanceOf(InvalidEventError);
        await expect(store.append('project-a', [], 'any')).rejects.toBeInstanceOf(InvalidEventError);
        expect(await store.head()).toBe(0n);
      });

      itIfUniqueAcrossStreams('keeps event ids unique across streams', async () => {
        const event = newEvent('A');
        await store.append('project-a', [event], 'any');
        await expect(store.append('project-b', [event], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      });
    });

    describe('reading', () => {
      async function seedThreeStreams(): Promise<void> {
        await store.append('project-a', [newEvent('ProjectLaunched', { n: 1 })], 'no_stream');
        await store.append('mission-X', [newEvent('MissionDefined', { n: 2 })], 'no_stream');
        await store.append('project-a', [newEvent('MilestoneReached', { n: 3 })], 0n);
        await store.append(
          'project-b',
          [newEvent('ProjectLaunched', { n: 4 }), newEvent('Closed', { n: 5 })],
          'no_stream',
        );
        await store.append('project_c', [newEvent('ProjectLaunched', { n: 6 })], 'no_stream');
      }

      it('reads all events in strictly increasing position order, in pages of any size', async () => {
        await seedThreeStreams();
        const all = await collect(store.readAll({ batchSize: 2 }));
        expect(all.map((e) => e.data.n)).toEqual([1, 2, 3, 4, 5, 6]);
        for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
        expect(all[all.length - 1].position).toBe(await store.head());
      });

      it('filters by after, to, types and stream prefix (a literal prefix: _ is no wildcard)', async () => {
        await seedThreeStreams();
        const all = await collect(store.readAll());
        const after2 = await collect(store.readAll({ after: all[1].position, batchSize: 1 }));
        expect(after2.map((e) => e.data.n)).toEqual([3, 4, 5, 6]);
        const upTo3 = await collect(store.readAll({ to: all[2].position }));
        expect(upTo3.map((e) => e.data.n)).toEqual([1, 2, 3]);
        const launched = await collect(store.readAll({ types: ['ProjectLaunched', 'Closed'], batchSize: 1 }));
        expect(launched.map((e) => e.data.n)).toEqual([1, 4, 5, 6]);
        const projects = await collect(store.readAll({ streamPrefix: 'project-' }));
        expect(projects.map((e) => e.data.n)).toEqual([1, 3, 4, 5]);
        const combined = await collect(
          store.readAll({
            after: all[0].position,
            to: all[4].position,
            types: ['ProjectLaunched'],
            streamPrefix: 'project-',
          }),
        );
        expect(combined.map((e) => e.data.n)).toEqual([4]);
        expect(await collect(store.readAll({ types: [] }))).toEqual([]);
      });

      it('reads the position and hash of each event in a range, as readAll has them, across page boundaries', async () => {
        await seedThreeStreams();
        const events = Array.from({ length: 2500 }, (_, n) => newEvent('IndicatorMeasured', { n }));
        await store.append('project-long', events, 'no_stream');
        const all = (await collect(store.readAll())).map(({ position, hash }) => ({ position, hash }));
        expect(await collect(store.readHashes())).toEqual(all);
        const range = { after: all[999].position, to: all[2100].position };
        expect(await collect(store.readHashes(range))).toEqual(all.slice(1000, 2101));
        expect(await collect(store.readHashes({ after: all[2505].position }))).toEqual([]);
      });

      it('reads each event with the canonical texts of its payloads, filtered as readAll', async () => {
        await seedThreeStreams();
        await store.append('project-a', [newEvent('M', { b: [1, 'é\u2028'], a: { '10': 1, '9': 2 } })], 1n);
        const options = { after: 1n, streamPrefix: 'project-', batchSize: 2 };
        const canonical = await collect(store.readAllCanonical(options));
        expect(canonical.map(({ dataText: _data, metadataText: _metadata, ...event }) => event)).toEqual(
          await collect(store.readAll(options)),
        );
        for (const event of canonical) {
          expect(event.dataText).toBe(canonicalJson(event.data));
          expect(event.metadataText).toBe(canonicalJson(event.metadata));
        }
      });

      it('reads a stream from a revision and up to a position', async () => {
        await seedThreeStreams();
        await store.append('project-a', [newEvent('M', { n: 7 }), newEvent('M', { n: 8 })], 1n);
        const all = await collect(store.readAll());
        expect((await collect(store.readStream('project-a', { fromRevision: 2n }))).map((e) => e.data.n)).toEqual([
          7, 8,
        ]);
        const asOf = await collect(store.readStream('project-a', { toPosition: all[3].position }));
        expect(asOf.map((e) => e.data.n)).toEqual([1, 3]);
        expect(await collect(store.readStream('project-a', { fromRevision: 9n }))).toEqual([]);
        await expect(collect(store.readStream('project-zzz'))).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('reads a long stream across page boundaries', async () => {
        const events = Array.from({ length: 2500 }, (_, n) => newEvent('IndicatorMeasured', { n }));
        await store.append('project-long', events, 'no_stream');
        const read = await collect(store.readStream('project-long'));
        expect(read).toHaveLength(2500);
        expect(read.every((e, i) => e.revision === BigInt(i) && e.data.n === i)).toBe(true);
      });

      it('stamps recordedAt as UTC ISO-8601 with milliseconds, never decreasing in position order', async () => {
        for (let i = 0; i < 20; i++) await store.append(`project-${i % 3}`, [newEvent('A'), newEvent('B')], 'any');
        const all = await collect(store.readAll());
        for (const event of all) expect(event.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        for (let i = 1; i < all.length; i++) expect(all[i].recordedAt >= all[i - 1].recordedAt).toBe(true);
        const batch = all.filter((e) => e.streamId === 'project-0').slice(0, 2);
        expect(batch[0].recordedAt).toBe(batch[1].recordedAt);
      });

      it('finds the events a command recorded by its principal and command id', async () => {
        const byAlice = (commandId: string) => ({ actor: { id: 'alice' }, commandId });
        await store.append('project-a', [newEvent('A', {}, byAlice('cmd-1'))], 'any');
        await store.append('project-b', [newEvent('B', {}, byAlice('cmd-2'))], 'any');
        await store.append(
          'project-a',
          [newEvent('C', {}, byAlice('cmd-1')), newEvent('D', {}, byAlice('cmd-1'))],
          'any',
        );
        const alice = (commandId: string) => ({ actorId: 'alice', commandId });
        expect((await commandEvents(alice('cmd-1'), 3)).map((e) => e.type)).toEqual(['A', 'C', 'D']);
        expect((await commandEvents(alice('cmd-2'), 1)).map((e) => e.streamId)).toEqual(['project-b']);
        expect(await store.readByCommand(alice('cmd-3'))).toEqual([]);
      });

      it("keeps each principal's command ids apart: the same id from another principal is another command", async () => {
        const by = (actorId: string, commandId: string): JsonObject => ({ actor: { id: actorId }, commandId });
        // Pairs that one string joined with a separator would confuse, and an event that names no principal.
        await store.append('project-n', [newEvent('Nobody', {}, { commandId: 'key-1' })], 'any');
        await store.append('project-c', [newEvent('Colon', {}, by('bob:key-1', 'x'))], 'any');
        await store.append('project-c', [newEvent('Colon', {}, by('bob', 'key-1:x'))], 'any');
        await store.append('project-b', [newEvent('Bob', {}, by('bob', 'key-1'))], 'any');
        await store.append('project-a', [newEvent('Alice', {}, by('alice', 'key-1'))], 'any');
        // Appended last: once it is found, an index that trails appends has seen every event before it.
        const [alices] = await commandEvents({ actorId: 'alice', commandId: 'key-1' }, 1);
        expect(alices.metadata.actor).toEqual({ id: 'alice' });
        const bobs = await store.readByCommand({ actorId: 'bob', commandId: 'key-1' });
        expect(bobs.map((e) => [e.type, e.metadata.actor])).toEqual([['Bob', { id: 'bob' }]]);
        expect(await store.readByCommand({ actorId: 'carol', commandId: 'key-1' })).toEqual([]);
        expect(await store.readByCommand({ actorId: '', commandId: 'key-1' })).toEqual([]);
        expect((await store.readByCommand({ actorId: 'bob:key-1', commandId: 'x' })).map((e) => e.metadata)).toEqual([
          by('bob:key-1', 'x'),
        ]);
        expect((await store.readByCommand({ actorId: 'bob', commandId: 'key-1:x' })).map((e) => e.metadata)).toEqual([
          by('bob', 'key-1:x'),
        ]);
      });

      it('reads the events at given positions, in position order, skipping positions without one', async () => {
        await seedThreeStreams();
        const all = await collect(store.readAll());
        const picked = await store.readPositions([all[4].position, all[0].position, 9999n, all[2].position]);
        expect(picked.map((e) => e.data.n)).toEqual([1, 3, 5]);
        expect(picked[0]).toEqual(all[0]);
        expect(await store.readPositions([])).toEqual([]);
      });

      it('maps an instant to the last position recorded at or before it', async () => {
        expect(await store.positionAt(new Date().toISOString())).toBe(0n);
        const first = await store.append('project-a', [newEvent('A')], 'any');
        const [stored] = await collect(store.readAll());
        // A server-timed index knows the server's created time, not recordedAt: a moment later must map to the event.
        const known =
          capabilities.timeIndex === 'server' ? new Date(Date.now() + 1000).toISOString() : stored.recordedAt;
        expect(await store.positionAt(known)).toBe(first.position);
        expect(await store.positionAt('2000-01-01T00:00:00Z')).toBe(0n);
        expect(await store.positionAt('2999-01-01T00:00:00.000Z')).toBe(first.position);
        await expect(store.positionAt('yesterday')).rejects.toThrow(RangeError);
      });
    });

    describe('write probe', () => {
      it('succeeds on a store that takes writes, adding nothing to the log', async () => {
        await store.append('project-a', [newEvent('A')], 'no_stream');
        const head = await store.head();
        await store.probeWrite();
        await store.probeWrite();
        expect(await store.head()).toBe(head);
        expect(await collect(store.readAll())).toHaveLength(1);
      });
    });

    describe('payloads', () => {
      it('round-trips unicode, a 1 MB payload and deep nesting exactly', async () => {
        let deep: JsonObject = { leaf: 'fin' };
        for (let i = 0; i < 500; i++) deep = { level: i, child: deep, list: [i, null, true] };
        const unicode = {
          fr: 'Élaboration du schéma — « numérique » œuvre',
          emoji: '🇫🇷👩🏽‍💻',
          cjk: '数据',
          rtl: 'مرحبا',
          escapes: 'quote " backslash \\ tab \t newline \n nul \u0000 line-sep \u2028',
          numbers: [0, -1.5, 1e21, 5e-324, 123456789012345, 0.1],
        };
        const large = { blob: 'x'.repeat(1024 * 1024), tail: 'é' };
        await store.append(
          'project-a',
          [newEvent('U', unicode), newEvent('L', large), newEvent('D', deep, unicode)],
          'any',
        );
        const [u, l, d] = await streamOf('project-a');
        expect(u.data).toEqual(unicode);
        expect(l.data).toEqual(large);
        expect(d.data).toEqual(deep);
        expect(d.metadata).toEqual(unicode);
        expect((await verifyChains(store)).ok).toBe(true);
      });
    });

    describe('hash chain', () => {
      it('links each event to its predecessor in the stream and hashes what it stores', async () => {
        await store.append('project-a', [newEvent('A', { v: 1 }, { actor: 'x' }), newEvent('B')], 'no_stream');
        await store.append('project-b', [newEvent('A')], 'no_stream');
        await store.append('project-a', [newEvent('C', { v: [1, 2] })], 1n);
        const a = await streamOf('project-a');
        expect(a[0].prevHash).toBe(GENESIS_HASH);
        expect(a[1].prevHash).toBe(a[0].hash);
        expect(a[2].prevHash).toBe(a[1].hash);
        expect((await streamOf('project-b'))[0].prevHash).toBe(GENESIS_HASH);
        for (const event of a) {
          const recomputed = computeEventHash({
            ...event,
            canonicalData: canonicalJson(event.data),
            canonicalMetadata: canonicalJson(event.metadata),
          });
          expect(event.hash).toBe(recomputed);
        }
        expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 4, streamsChecked: 2 });
      });

      async function seedForTampering(): Promise<StoredEvent[]> {
        await store.append('project-a', [newEvent('A', { value: 1 }), newEvent('B', { value: 2 })], 'no_stream');
        await store.append('project-b', [newEvent('A', { value: 3 })], 'no_stream');
        await store.append('project-a', [newEvent('C', { value: 4 }), newEvent('D', { value: 5 })], 1n);
        return collect(store.readAll());
      }

      itIfTamperable('reports changed data at its position', async () => {
        const all = await seedForTampering();
        await tamper().setData(all[1].position, '{"value":20}');
        const report = await verifyChains(store);
        expect(report).toMatchObject({ ok: false, problem: { position: all[1].position, streamId: 'project-a' } });
        expect(report.problem?.reason).toMatch(/altered/);
      });

      itIfTamperable('reports changed metadata at its position', async () => {
        const all = await seedForTampering();
        await tamper().setMetadata(all[2].position, '{"actor":"someone else"}');
        expect(await verifyChains(store)).toMatchObject({ ok: false, problem: { position: all[2].position } });
      });

      itIfTamperable('reports unreadable data at its position', async () => {
        const all = await seedForTampering();
        await tamper().setData(all[3].position, '{"value":');
        expect(await verifyChains(store)).toMatchObject({ ok: false, problem: { position: all[3].position } });
      });

      itIfTamperable('reports a deleted event at the next event of its stream', async () => {
        const all = await seedForTampering();
        await tamper().deleteEvent(all[1].position);
        const report = await verifyChains(store);
        expect(report).toMatchObject({ ok: false, problem: { position: all[3].position, revision: 2n } });
        expect(report.problem?.reason).toMatch(/removed, inserted or reordered/);
      });

      itIfTamperable('reports swapped events at the first position out of order', async () => {
        const all = await seedForTampering();
        await tamper().swapPositions(all[3].position, all[4].position);
        expect(await verifyChains(store)).toMatchObject({ ok: false, problem: { position: all[3].position } });
      });

      itIfTamperable('reports events of different streams swapped in time where recordedAt goes back', async () => {
        await store.append('project-a', [newEvent('A')], 'no_stream');
        await new Promise((resolve) => setTimeout(resolve, 5));
        await store.append('project-b', [newEvent('B')], 'no_stream');
        const all = await collect(store.readAll());
        await tamper().swapPositions(all[0].position, all[1].position);
        expect(await verifyChains(store)).toMatchObject({ ok: false, problem: { position: all[1].position } });
      });
    });

    describe('followers', () => {
      it('wakes a waiting reader on append and returns at the timeout otherwise', async () => {
        const started = Date.now();
        expect(await store.waitForEvents(0n, { timeoutMs: 50 })).toBe(0n);
        expect(Date.now() - started).toBeGreaterThanOrEqual(40);
        const waiting = store.waitForEvents(0n, { timeoutMs: 10_000 });
        const { position } = await store.append('project-a', [newEvent('A')], 'any');
        expect(await waiting).toBe(position);
        const aborted = new AbortController();
        const cancelled = store.waitForEvents(position, { timeoutMs: 10_000, signal: aborted.signal });
        aborted.abort();
        expect(await cancelled).toBe(position);
      });

      it('wakes a reader on commits made through another connection', async () => {
        const other = await subject.openAnother();
        try {
          const waiting = store.waitForEvents(0n, { timeoutMs: 10_000 });
          const { position } = await other.append('project-a', [newEvent('A')], 'any');
          expect(await waiting).toBeGreaterThanOrEqual(position);
        } finally {
          await other.close();
        }
      });

      // 32 writers, each on a connection of its own, make commits overlap in every order; each writes fewer events.
      it.each([
        [8, 500],
        [32, 125],
      ])(
        'lets a reader following readAll({after}) see every event exactly once, in order, under %i concurrent writers',
        async (writers, appendsPerWriter) => {
          const total = writers * appendsPerWriter;
          const stores = await Promise.all(Array.from({ length: writers }, () => subject.openAnother()));
          const seen: StoredEvent[] = [];
          let writing = true;
          const follower = (async () => {
            let after = 0n;
            while (seen.length < total) {
              for await (const event of store.readAll({ after, batchSize: 97 })) {
                seen.push(event);
                after = event.position;
              }
              if (!writing && after === (await store.head())) break;
              await store.waitForEvents(after, { timeoutMs: 200 });
            }
          })();
          try {
            await Promise.all(
              stores.map(async (writer, w) => {
                for (let i = 0; i < appendsPerWriter; i++) {
                  // Shared streams with 'any' make the writers contend for the same tips too.
                  const streamId = i % 5 === 0 ? `project-shared-${i % 3}` : `project-w${w}`;
                  await writer.append(streamId, [newEvent('W', { w, i })], 'any');
                }
              }),
            );
          } finally {
            writing = false;
            await Promise.all(stores.map((s) => s.close()));
          }
          await follower;
          expect(seen).toHaveLength(total);
          for (let i = 1; i < seen.length; i++) expect(seen[i].position > seen[i - 1].position).toBe(true);
          expect(new Set(seen.map((e) => `${e.data.w}/${e.data.i}`)).size).toBe(total);
          expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: total });
        },
        120_000,
      );
    });
  });
}

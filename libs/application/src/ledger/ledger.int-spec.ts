import { projectOf, type DomainCommand, type LogSeal } from '@portfolio/domain';
import { SqliteEventStore, type EventStore, type ReadStreamOptions } from '@portfolio/event-store';
import {
  citpJuly2021Held,
  franceconnectLaunched,
  idnumDefined,
  launchFranceConnect,
} from '../../../domain/src/testing/tech-gouv';
import { scratchSqliteFile, type ScratchFile } from '../../../event-store/src/testing/scratch-database';
import { openReadModelDatabase, type ReadModelDatabase } from '@portfolio/read-models';
import type { Clock } from '../clock/clock';
import { PersonalData } from '../personal-data/personal-data';
import { SqlPersonalKeyStore } from '../personal-data/personal-key-store';
import { WriteHealth } from '../event-store/write-health';
import type { CommandEnvelope } from './command-envelope';
import { Ledger } from './ledger';
import type { LedgerFacts } from './ledger-facts';

const clock: Clock = { now: () => new Date('2021-12-15T10:00:00Z') };
const { cycleId, title, heldOn, ...seal } = citpJuly2021Held.data;
let commands = 0;
const envelope = (): CommandEnvelope => ({
  actor: { id: 'test', name: 'Test', role: 'admin' },
  commandId: `command-${(commands += 1)}`,
  idempotencyKeyGiven: false,
  requestFingerprint: '0'.repeat(64),
  correlationId: 'test',
});
const defineIdnum: DomainCommand = { type: 'DefineMission', ...idnumDefined.data };
const measure = (value: number, period: string): DomainCommand => ({
  type: 'RecordMeasurements',
  projectId: 'franceconnect',
  measurements: [{ indicatorId: 'comptes-actifs', value, period }],
});
const reachImpots: DomainCommand = {
  type: 'ReachMilestone',
  projectId: 'franceconnect',
  milestoneId: 'raccordement-impots',
  reachedOn: '2019-12-31',
};

describe('ledger', () => {
  let scratch: ScratchFile;
  let store: SqliteEventStore;
  let database: ReadModelDatabase;
  let personal: PersonalData;
  const reads: ReadStreamOptions[] = [];
  const sealsAsked: { cycleId: string; heldOn: string }[] = [];
  // The seal is a fact from outside the domain, as `today` is: here the one the sealer gave for CITP July 2021.
  const facts: LedgerFacts = {
    seal: async (subject): Promise<LogSeal> => {
      sealsAsked.push(subject);
      return seal;
    },
  };

  beforeEach(async () => {
    scratch = scratchSqliteFile('ledger');
    store = new SqliteEventStore({ file: scratch.file });
    database = await openReadModelDatabase({ kind: 'sqlite', file: scratch.file });
    personal = new PersonalData(await SqlPersonalKeyStore.open(database.db, 'sqlite'), clock);
    reads.length = 0;
    sealsAsked.length = 0;
  });
  afterEach(async () => {
    await database.close();
    await store.close();
    scratch.remove();
  });

  /** A ledger whose reads of the project's stream are recorded. */
  function ledgerOn(target: EventStore): Ledger {
    const recording: EventStore = Object.create(target, {
      readStream: {
        value: (streamId: string, options: ReadStreamOptions = {}) => {
          if (streamId === 'project-franceconnect') reads.push(options);
          return target.readStream(streamId, options);
        },
      },
    });
    return new Ledger(recording, clock, facts, new WriteHealth(recording), personal);
  }

  it('routes a launch through the mission it reads, and appends to the project only', async () => {
    const ledger = ledgerOn(store);
    await expect(ledger.execute(launchFranceConnect, envelope())).rejects.toMatchObject({ code: 'mission_not_found' });
    await ledger.execute(defineIdnum, envelope());
    expect(await ledger.execute(launchFranceConnect, envelope())).toMatchObject({
      streamId: 'project-franceconnect',
      revision: 0n,
      appended: 1,
    });
    expect(await ledger.state(projectOf('franceconnect'))).toMatchObject({ status: 'active', planVersion: 1 });
    const written: unknown[] = [];
    for await (const event of store.readStream('project-franceconnect')) written.push(event.data);
    expect(written).toEqual([franceconnectLaunched.data]);
  });

  it('gathers the facts a route needs, with the subject its command names', async () => {
    const result = await ledgerOn(store).execute({ type: 'HoldReviewCycle', cycleId, title, heldOn }, envelope());
    expect(sealsAsked).toEqual([{ type: 'HoldReviewCycle', cycleId, title, heldOn }]);
    expect(result).toMatchObject({ streamId: 'review-cycle-citp-2021-07', appended: 1 });
    for await (const held of store.readStream('review-cycle-citp-2021-07'))
      expect(held.data).toEqual(citpJuly2021Held.data);
  });

  it('reads only the events appended since the state it last folded', async () => {
    const ledger = ledgerOn(store);
    await ledger.execute(defineIdnum, envelope());
    await ledger.execute(launchFranceConnect, envelope());
    await ledger.execute(measure(26_000_000, '2021-05-31'), envelope());
    await ledger.execute(measure(27_000_000, '2021-06-30'), envelope());
    expect(reads.map((options) => options.fromRevision)).toEqual([0n, 1n, 2n]);
    // The value measured again changes nothing: the cached state knows it.
    expect(await ledger.execute(measure(27_000_000, '2021-06-30'), envelope())).toMatchObject({
      appended: 0,
      revision: 2n,
    });
  });

  it('decides on what other writers appended since, not on its stale cache', async () => {
    const ours = ledgerOn(store);
    const theirs = new Ledger(store, clock, facts, new WriteHealth(store), personal);
    await ours.execute(defineIdnum, envelope());
    await ours.execute(launchFranceConnect, envelope());
    await theirs.execute(reachImpots, envelope());
    await expect(ours.execute(reachImpots, envelope())).rejects.toMatchObject({ code: 'milestone_already_reached' });
    expect(await ours.execute(measure(26_000_000, '2021-05-31'), envelope())).toMatchObject({
      revision: 2n,
      appended: 1,
    });
  });
});

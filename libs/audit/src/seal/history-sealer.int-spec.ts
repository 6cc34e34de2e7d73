import type { EventStore, StoredEvent } from '@portfolio/event-store';
import { verifyConsistency } from '../merkle/merkle-proofs';
import { consistencyProof, merkleRoot } from '../merkle/merkle-tree';
import { newEvent } from '../testing/sealed-ledger';
import { openTestStore, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { HistorySealer } from './history-sealer';
import { verifySeal } from './seal-statement';
import { generateSigningKey, publicKeyPem } from './signing';

const key = generateSigningKey();
const EMPTY_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

async function measure(store: EventStore, values: readonly number[]): Promise<void> {
  for (const value of values) {
    const event = newEvent('IndicatorMeasured', { projectId: 'hubee', indicatorId: 'echanges', value });
    await store.append('project-hubee', [event], 'any');
  }
}

async function hashes(store: EventStore): Promise<string[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events.map((event) => event.hash);
}

describe.each(TEST_STORE_KINDS)('HistorySealer on %s', (kind) => {
  let test: TestStore;
  beforeEach(async () => {
    test = await openTestStore(kind);
  });
  afterEach(() => test.dispose());

  it('seals an empty log as the empty tree', async () => {
    const seal = await new HistorySealer(test.store, key).sealUpToHead('citp-1', '2021-02-05');
    expect(seal).toMatchObject({ cycleId: 'citp-1', heldOn: '2021-02-05', sealedPosition: '0', eventCount: 0 });
    expect(seal.merkleRoot).toBe(EMPTY_ROOT);
  });

  it('signs the Merkle root of every event up to the head, with every sealed field', async () => {
    await measure(test.store, [1, 2, 3]);
    const seal = await new HistorySealer(test.store, key).sealUpToHead('citp-1', '2021-02-05');
    expect(seal).toEqual({
      cycleId: 'citp-1',
      heldOn: '2021-02-05',
      sealedPosition: (await test.store.head()).toString(),
      eventCount: 3,
      merkleRoot: merkleRoot(await hashes(test.store)),
      signature: expect.any(String),
    });
    expect(verifySeal(publicKeyPem(key), seal, seal.signature)).toBe(true);
  });

  it('extends its earlier seal, reading only what came since, as a fresh sealer would seal from scratch', async () => {
    const sealer = new HistorySealer(test.store, key);
    await measure(test.store, [1, 2, 3]);
    const first = await sealer.sealUpToHead('citp-1', '2021-02-05');
    await measure(test.store, [4, 5]);
    const second = await sealer.sealUpToHead('citp-2', '2021-07-23');
    expect(second).toEqual(await new HistorySealer(test.store, key).sealUpToHead('citp-2', '2021-07-23'));
    const proof = consistencyProof(await hashes(test.store), first.eventCount, second.eventCount);
    expect(verifyConsistency(3, 5, first.merkleRoot, second.merkleRoot, proof)).toBe(true);
  });

  it('seals one at a time, so that simultaneous seals never read the same events twice', async () => {
    await measure(test.store, [1, 2, 3, 4]);
    const sealer = new HistorySealer(test.store, key);
    const seals = await Promise.all([sealer.sealUpToHead('a', '2021-02-05'), sealer.sealUpToHead('b', '2021-02-05')]);
    expect(seals.map((seal) => seal.eventCount)).toEqual([4, 4]);
    expect(seals[1].merkleRoot).toBe(seals[0].merkleRoot);
  });
});

import { canonicalJson } from '@portfolio/event-store';
import { generateSigningKey } from '../seal/signing';
import { appendSealedLedger, type SealedLedger } from '../testing/sealed-ledger';
import { openTestStore, rewriteEvent, TEST_STORE_KINDS, type TestStore } from '../testing/test-stores';
import { AuditVerifier } from './audit-verifier';

// The sealed ledger by index (position = index + 1): 0 mission-IDNUM · 1, 3, 5, 9, 11 project-franceconnect ·
// 2, 4, 7 project-hubee · 8, 12 project-vitam · 6 seal citp-2021-s2 (of 0..5) · 10 seal citp-2022-s1 (of 0..9).

const key = generateSigningKey();
const now = () => new Date('2022-04-01T08:00:00.000Z');

describe.each(TEST_STORE_KINDS)('AuditVerifier on %s', (kind) => {
  let test: TestStore;
  let ledger: SealedLedger;
  const position = (index: number): bigint => ledger.events[index].position;
  const verify = () => new AuditVerifier(test.store, key, now).verify();

  beforeEach(async () => {
    test = await openTestStore(kind);
    ledger = await appendSealedLedger(test.store, key);
  });
  afterEach(() => test.dispose());

  it('reports an untouched log as intact, with every chain and seal checked', async () => {
    expect(await verify()).toEqual({
      ok: true,
      checkedAt: '2022-04-01T08:00:00.000Z',
      head: position(12).toString(),
      eventsChecked: 13,
      streamsChecked: 6,
      sealsChecked: 2,
      problem: null,
    });
  });

  it('reports changed data at its position', async () => {
    await test.tamper('UPDATE events SET data = ? WHERE position = ?', '{"value":99}', position(3));
    expect(await verify()).toMatchObject({
      ok: false,
      sealsChecked: 0,
      problem: { code: 'chain_broken', position: '4' },
    });
  });

  it('reports changed metadata at its position', async () => {
    await test.tamper('UPDATE events SET metadata = ? WHERE position = ?', '{"actor":{"id":"x"}}', position(4));
    expect(await verify()).toMatchObject({ ok: false, problem: { code: 'chain_broken', position: '5' } });
  });

  it('reports a removed event at the next event of its stream', async () => {
    await test.tamper('DELETE FROM events WHERE position = ?', position(3));
    expect(await verify()).toMatchObject({ ok: false, problem: { code: 'chain_broken', position: '6' } });
  });

  it('reports a removed stream, which no chain shows, at the seal that covered it', async () => {
    await test.tamper('DELETE FROM events WHERE position = ?', position(0));
    expect(await verify()).toMatchObject({
      ok: false,
      sealsChecked: 0,
      problem: { code: 'merkle_mismatch', position: '7', cycleId: 'citp-2021-s2' },
    });
  });

  it('reports an event inserted past the head where it breaks its chain', async () => {
    const copy = ledger.events[2];
    await test.tamper(
      `INSERT INTO events (position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      100n,
      copy.streamId,
      99n,
      '00000000-0000-4000-8000-000000000000',
      copy.type,
      1,
      canonicalJson(copy.data),
      canonicalJson(copy.metadata),
      ledger.events[12].recordedAt,
      copy.hash,
      copy.hash,
    );
    expect(await verify()).toMatchObject({ ok: false, problem: { code: 'chain_broken', position: '100' } });
  });

  it('reports swapped events at the first position out of order', async () => {
    const move = 'UPDATE events SET position = ? WHERE position = ?';
    await test.tamper(move, -1n, position(1));
    await test.tamper(move, position(1), position(3));
    await test.tamper(move, position(3), -1n);
    expect(await verify()).toMatchObject({ ok: false, problem: { code: 'chain_broken', position: '2' } });
  });

  it('reports a forged seal, rehashed so that its chain holds, at its position', async () => {
    await rewriteEvent(test, ledger.events[6], { merkleRoot: 'f'.repeat(64) });
    expect(await verify()).toMatchObject({
      ok: false,
      sealsChecked: 0,
      problem: { code: 'merkle_mismatch', position: '7', cycleId: 'citp-2021-s2' },
    });
  });

  it('reports a rehashed seal event that records no well-formed seal at its position', async () => {
    await rewriteEvent(test, ledger.events[10], { eventCount: 'ten' });
    expect(await verify()).toMatchObject({
      ok: false,
      problem: {
        code: 'merkle_mismatch',
        position: '11',
        message: expect.stringContaining('eventCount must be a non-negative integer'),
      },
    });
  });

  it('reports seals that do not verify with the instance key at the first seal', async () => {
    const report = await new AuditVerifier(test.store, generateSigningKey(), now).verify();
    expect(report).toMatchObject({
      ok: false,
      sealsChecked: 0,
      problem: { code: 'bad_signature', position: '7', cycleId: 'citp-2021-s2' },
    });
  });
});

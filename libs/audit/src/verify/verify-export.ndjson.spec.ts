import type { StoredEvent } from '@portfolio/event-store';
import { join } from 'node:path';
import type { SealFields } from '../seal/seal';
import { signSeal } from '../seal/seal-statement';
import { generateSigningKey } from '../seal/signing';
import { exportLedger, fromNdjson, rechain, toNdjson, useLedger, writeNdjson } from '../testing/export-fixture';
import { verifyExport, type VerifyExportOptions } from './verify-export';

// A bare events.ndjson: no manifest, chains from genesis, seals read from the ReviewCycleHeld events themselves.
// Fixture log by index: seals at 6 (of 0..5) and 10 (of 0..9); 11 and 12 come after the last seal.

const ledger = useLedger();
let ndjson: string;
beforeAll(() => {
  ndjson = exportLedger(ledger).ndjson;
});

async function verify(text: string, options: VerifyExportOptions = {}) {
  return verifyExport({ kind: 'ndjson', path: await writeNdjson(ledger.dir, text) }, options);
}

/** A forger's rewrite of a seal event: new fields, the event rechained so that its hash holds. */
function forgeSeal(
  index: number,
  change: (fields: SealFields & { signature: string }) => Partial<SealFields & { signature: string }>,
): string {
  const events = fromNdjson(ndjson).map((event, i): StoredEvent => {
    if (i !== index) return event;
    const data = event.data as unknown as SealFields & { signature: string };
    return { ...event, data: { ...event.data, ...change(data) } };
  });
  return toNdjson(rechain(events));
}

describe('verifyExport on a bare NDJSON file', () => {
  it('passes untouched, recomputing both seal roots, signatures unchecked without a key', async () => {
    expect(await verify(ndjson)).toEqual({
      ok: true,
      verdict: 'unverified',
      eventsChecked: 13,
      streamsChecked: 6,
      sealsChecked: 2,
      proofsChecked: 0,
      unsealedEvents: 3,
      filtered: false,
      keySource: 'none',
      chainGaps: 0,
    });
  });

  it('checks the signatures with the auditor’s key', async () => {
    expect(await verify(ndjson, { publicKeyPem: ledger.pem })).toMatchObject({
      ok: true,
      verdict: 'intact',
      keySource: 'auditor',
    });
  });

  it('reports a changed byte at its event', async () => {
    const text = ndjson.replace('"value":120', '"value":121');
    expect((await verify(text)).problem).toMatchObject({ code: 'chain_broken', position: ledger.at(7), line: 8 });
  });

  it('reports a truncated last line with its line, the position it names and the last good one', async () => {
    const result = await verify(ndjson.slice(0, -25));
    expect(result.problem).toMatchObject({ code: 'truncated', line: 13, position: ledger.at(12) });
    expect(result.problem?.message).toContain(`after position ${ledger.at(11)}`);
    expect(result.eventsChecked).toBe(12);
  });

  it('reports a line that is not JSON where it is', async () => {
    const lines = ndjson.split('\n');
    lines[2] = lines[2].slice(0, 40);
    expect((await verify(lines.join('\n'))).problem).toMatchObject({
      code: 'malformed_event',
      line: 3,
      position: ledger.at(2),
    });
  });

  it('reports a rewritten seal as unsigned when the auditor has the key, as a wrong root otherwise', async () => {
    const text = forgeSeal(10, () => ({ merkleRoot: 'ab'.repeat(32) }));
    expect((await verify(text, { publicKeyPem: ledger.pem })).problem).toMatchObject({
      code: 'bad_signature',
      position: ledger.at(10),
    });
    expect((await verify(text)).problem).toMatchObject({ code: 'merkle_mismatch', position: ledger.at(10) });
  });

  it('reports a seal signed by another key', async () => {
    const other = generateSigningKey();
    const text = forgeSeal(6, (fields) => ({ signature: signSeal(other, fields) }));
    expect((await verify(text, { publicKeyPem: ledger.pem })).problem).toMatchObject({
      code: 'bad_signature',
      position: ledger.at(6),
    });
  });

  it('reports an event removed by a forger who rechained every stream, at the seal covering it', async () => {
    const events = fromNdjson(ndjson).filter((_, i) => i !== 3);
    expect((await verify(toNdjson(rechain(events)), { publicKeyPem: ledger.pem })).problem).toMatchObject({
      code: 'merkle_mismatch',
      position: ledger.at(6),
    });
  });

  it('cannot tell a forger who re-rooted the seals when it has no key, and can with it', async () => {
    const changed = fromNdjson(ndjson).map((e, i) => (i === 1 ? { ...e, data: { ...e.data, title: 'Forged' } } : e));
    const forged = toNdjson(rechain(changed, { reseal: 'keep-signature' }));
    expect(await verify(forged)).toMatchObject({ ok: true, verdict: 'unverified', keySource: 'none' });
    expect((await verify(forged, { publicKeyPem: ledger.pem })).problem).toMatchObject({
      code: 'bad_signature',
      position: ledger.at(6),
    });
  });

  it('passes an empty file: nothing to check, nothing wrong', async () => {
    expect(await verify('')).toMatchObject({ ok: true, eventsChecked: 0, sealsChecked: 0, unsealedEvents: 0 });
  });

  it('reports a file it cannot read', async () => {
    const result = await verifyExport({ kind: 'ndjson', path: join(ledger.dir, 'absent.ndjson') });
    expect(result.problem).toMatchObject({ code: 'unreadable' });
  });

  it('refuses an auditor key that is not an Ed25519 public key', async () => {
    await expect(verify(ndjson, { publicKeyPem: 'not a key' })).rejects.toThrow(TypeError);
  });
});

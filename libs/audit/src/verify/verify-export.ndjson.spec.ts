import type { StoredEvent } from '@portfolio/event-store';
import { join } from 'node:path';
import type { SealFields } from '../seal/seal';
import { signSeal } from '../seal/seal-statement';
import { generateSigningKey } from '../seal/signing';
import { recordedSealOf } from '../seal/recorded-seal';
import type { RecordedSeal } from '../seal/seal';
import {
  exportLedger,
  fromNdjson,
  ndjsonOf,
  rechain,
  toNdjson,
  useLedger,
  writeNdjson,
  type ExportFiles,
} from '../testing/export-fixture';
import { verifyExport, type VerifyExportOptions } from './verify-export';

// A bare events.ndjson: no manifest, chains from genesis, seals read from the ReviewCycleHeld events themselves, the
// trailer last. Fixture log by index: seals at 6 (of 0..5) and 10 (of 0..9); 11 and 12 come after the last seal.

const ledger = useLedger();
let exported: ExportFiles;
let ndjson: string;
beforeAll(() => {
  exported = exportLedger(ledger);
  ndjson = ndjsonOf(exported);
});

/** The export's event lines changed, its trailer kept as exported. */
const withEventLines = (text: string): string => ndjsonOf({ ...exported, ndjson: text });

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
  return withEventLines(toNdjson(rechain(events)));
}

describe('verifyExport on a bare NDJSON file', () => {
  it('passes untouched, recomputing both seal roots and the checkpoint’s, signatures unchecked without a key', async () => {
    const { trailer, ...counts } = await verify(ndjson);
    expect(counts).toEqual({
      ok: true,
      verdict: 'unverified',
      eventsChecked: 13,
      streamsChecked: 6,
      sealsChecked: 2,
      proofsChecked: 2,
      unsealedEvents: 3,
      filtered: false,
      keySource: 'none',
      chainGaps: 0,
      anchors: [],
      limitations: [],
    });
    expect(trailer).toMatchObject({ signaturesChecked: false, statement: { eventCount: 13 } });
  });

  it('checks the signatures with the auditor’s key', async () => {
    expect(await verify(ndjson, { publicKeyPem: ledger.pem })).toMatchObject({
      ok: true,
      verdict: 'intact',
      keySource: 'auditor',
    });
  });

  it('reports a changed byte at its event', async () => {
    const text = withEventLines(exported.ndjson.replace('"value":120', '"value":121'));
    expect((await verify(text)).problem).toMatchObject({ code: 'chain_broken', position: ledger.at(7), line: 8 });
  });

  it('reports a file cut anywhere in its trailer as cut', async () => {
    const result = await verify(ndjson.slice(0, -25));
    expect(result).toMatchObject({ ok: false, verdict: 'tampered', problem: { code: 'truncated' } });
    expect(result.problem?.message).toContain('does not end with its trailer');
  });

  it('reports a file whose trailer was removed as cut, with or without the key', async () => {
    const cut = exported.ndjson;
    expect((await verify(cut)).problem).toMatchObject({ code: 'truncated' });
    expect((await verify(cut, { publicKeyPem: ledger.pem })).problem).toMatchObject({ code: 'truncated' });
  });

  it('reports its last event lines removed, the trailer kept, through the signed statement', async () => {
    const lines = exported.ndjson.split('\n');
    for (const removed of [1, 2, 3]) {
      const cut = withEventLines(lines.slice(0, -1 - removed).join('\n') + '\n');
      const result = await verify(cut, { publicKeyPem: ledger.pem });
      expect(result).toMatchObject({ verdict: 'tampered', problem: { code: 'statement_mismatch' } });
      expect(result.problem?.message).toContain(`counts 13 events, the export holds ${13 - removed}`);
    }
    expect(await verify(ndjson, { publicKeyPem: ledger.pem })).toMatchObject({ ok: true, verdict: 'intact' });
  });

  it('reports a line that is not JSON where it is', async () => {
    const lines = ndjson.split('\n');
    lines[2] = lines[2].slice(0, 40);
    expect((await verify(lines.join('\n'), { publicKeyPem: ledger.pem })).problem).toMatchObject({
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
    expect(
      (await verify(withEventLines(toNdjson(rechain(events))), { publicKeyPem: ledger.pem })).problem,
    ).toMatchObject({
      code: 'merkle_mismatch',
      position: ledger.at(6),
    });
  });

  it('cannot tell a forger who re-rooted the seals and signed a trailer when it has no key, and can with it', async () => {
    const changed = fromNdjson(ndjson).map((e, i) => (i === 1 ? { ...e, data: { ...e.data, title: 'Forged' } } : e));
    const events = rechain(changed, { reseal: 'keep-signature' });
    const seals = events.filter((e) => e.type === 'ReviewCycleHeld').map((e) => recordedSealOf(e) as RecordedSeal);
    const forged = ndjsonOf(exportLedger({ ...ledger, events, seals }, { key: generateSigningKey() }));
    expect(await verify(forged)).toMatchObject({ ok: true, verdict: 'unverified', keySource: 'none' });
    expect((await verify(forged, { publicKeyPem: ledger.pem })).problem).toMatchObject({
      code: 'bad_signature',
      position: ledger.at(6),
    });
  });

  it('reports an empty file as cut: even an export of an empty log ends with its trailer', async () => {
    expect((await verify('')).problem).toMatchObject({ code: 'truncated' });
  });

  it('passes the export of one project, each event proven by its inclusion proof in the checkpoint', async () => {
    const project = exportLedger(ledger, {
      only: (e) => e.streamId === 'project-franceconnect',
      filters: { projectId: 'franceconnect' },
    });
    const text = ndjsonOf(project);
    expect(await verify(text, { publicKeyPem: ledger.pem })).toMatchObject({
      ok: true,
      verdict: 'intact',
      filtered: true,
      eventsChecked: 5,
      proofsChecked: 5,
    });
    const changed = ndjsonOf({
      ...project,
      ndjson: toNdjson(
        rechain(
          fromNdjson(project.ndjson).map((e, i) => (i === 4 ? { ...e, data: { ...e.data, value: 1 } } : e)),
          { anchors: project.manifest.chainAnchors },
        ),
      ),
    });
    expect((await verify(changed, { publicKeyPem: ledger.pem })).problem).toMatchObject({
      code: 'inclusion_failed',
      position: ledger.at(11),
    });
  });

  it('reports a file it cannot read', async () => {
    const result = await verifyExport({ kind: 'ndjson', path: join(ledger.dir, 'absent.ndjson') });
    expect(result.problem).toMatchObject({ code: 'unreadable' });
  });

  it('refuses an auditor key that is not an Ed25519 public key', async () => {
    await expect(verify(ndjson, { publicKeyPem: 'not a key' })).rejects.toThrow(TypeError);
  });
});

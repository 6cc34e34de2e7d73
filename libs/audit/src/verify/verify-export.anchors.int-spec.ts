import type { StoredEvent } from '@portfolio/event-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, publicKeyPem } from '../seal/signing';
import { appendSealedLedger } from '../testing/sealed-ledger';
import { openTestStore, type TestStore } from '../testing/test-stores';
import { formatNote, parseNote } from '../transparency/signed-note';
import { opensslUnavailableReason, startLocalTsa, type LocalTsa } from '../transparency/testing/local-tsa';
import { eventHashes, newWitness } from './testing/anchored-log';
import { cosignedBy, instanceCheckpoint, writeExport, type ExportOptions } from './testing/real-exports';
import { readTrustAnchors, type TrustOptionsInput } from './trust-options';
import { verifyExport, type VerifyExportInput } from './verify-export';

// The auditor's anchors held against real exports: NDJSON, CSV and bundle, full and filtered.

const key = generateSigningKey();
const pem = publicKeyPem(key);
const alice = newWitness('witness.example.org/alice');
const bob = newWitness('witness.example.net/bob');
let test: TestStore;
let events: readonly StoredEvent[];
let hashes: string[];
let dir: string;

beforeAll(async () => {
  test = await openTestStore('sqlite');
  ({ events } = await appendSealedLedger(test.store, key));
  hashes = events.map((event) => event.hash);
  dir = await mkdtemp(join(tmpdir(), 'portfolio-verify-anchors-'));
});
afterAll(async () => {
  await test.dispose();
  await rm(dir, { recursive: true, force: true });
});

const KINDS = { ndjson: 'ndjson', csv: 'csv', bundle: 'bundle' } as const;

async function verified(format: VerifyExportInput['kind'], anchors: TrustOptionsInput, exported: ExportOptions = {}) {
  const path = await writeExport(test.store, key, dir, format, exported);
  return verifyExport(
    { kind: format, path },
    { publicKeyPem: pem, anchors: readTrustAnchors({ ...anchors, publicKeyPem: pem }) },
  );
}

/** The instance's checkpoint of its first `size` events, cosigned by these witnesses, as the exporter finds it. */
const cosigned =
  (size: number, witnesses = [alice]) =>
  async () => ({
    treeSize: size,
    note: cosignedBy(instanceCheckpoint(key, hashes, size), witnesses),
  });

describe.each(Object.values(KINDS))('a pinned checkpoint on a full %s export', (format) => {
  it('holds when the export extends it, its first events recomputed', async () => {
    const result = await verified(format, { checkpointNote: instanceCheckpoint(key, hashes, 8) });
    expect(result).toMatchObject({ verdict: 'intact', anchors: [{ check: 'pin', outcome: 'proven' }] });
    expect(result.anchors[0]).toMatchObject({
      summary: expect.stringMatching(/extends it, by the export's first 8 events/),
    });
  });

  it('holds when it is the export’s own checkpoint', async () => {
    const result = await verified(format, { checkpointNote: instanceCheckpoint(key, hashes, 13), minSize: '13' });
    expect(result).toMatchObject({ verdict: 'intact', anchors: [{ outcome: 'proven' }, { outcome: 'proven' }] });
  });

  it('is refuted by an export older than it', async () => {
    const newer = instanceCheckpoint(key, [...hashes, ...eventHashes(1, 'later')], 14);
    const result = await verified(format, { checkpointNote: newer });
    expect(result).toMatchObject({ verdict: 'tampered', problem: { code: 'older_than_pin' } });
    expect(await verified(format, { minSize: '14' })).toMatchObject({
      verdict: 'tampered',
      problem: { code: 'older_than_pin' },
    });
  });

  it('is refuted when the log below it was rewritten (the instance signed another history)', async () => {
    const rewritten = instanceCheckpoint(key, [...eventHashes(3, 'rewritten'), ...hashes.slice(3)], 8);
    const result = await verified(format, { checkpointNote: rewritten });
    expect(result).toMatchObject({ verdict: 'tampered', problem: { code: 'pin_mismatch' } });
  });
});

describe('a pinned checkpoint on a filtered export', () => {
  const oneProject = { projectId: 'franceconnect' };

  it('is not proven unless its witnessed checkpoint is of the pinned size', async () => {
    const pin = { checkpointNote: instanceCheckpoint(key, hashes, 8) };
    expect(await verified('ndjson', pin, oneProject)).toMatchObject({
      verdict: 'unverified',
      anchors: [{ outcome: 'unproven', reason: expect.stringMatching(/filtered export cannot recompute/) }],
    });
    expect(await verified('bundle', pin, { ...oneProject, latestCosigned: cosigned(8) })).toMatchObject({
      verdict: 'intact',
      anchors: [{ outcome: 'proven', summary: expect.stringMatching(/by the witnessed checkpoint/) }],
    });
  });
});

describe.each(Object.values(KINDS))('witness keys on a %s export', (format) => {
  it('hold when each witness cosigned a checkpoint the export extends', async () => {
    const result = await verified(
      format,
      { witnessKeys: [alice.vkey, bob.vkey] },
      { latestCosigned: cosigned(10, [alice, bob]) },
    );
    expect(result).toMatchObject({ verdict: 'intact', anchors: [{ outcome: 'proven' }, { outcome: 'proven' }] });
    expect(result.anchors[1]).toMatchObject({
      summary: expect.stringMatching(/bob .* cosigned size 10 at 2022-04-01T08:00:00.000Z/),
    });
  });

  it('leave the export unverified when a witness’s cosignature is missing', async () => {
    const result = await verified(format, { witnessKeys: [alice.vkey, bob.vkey] }, { latestCosigned: cosigned(10) });
    expect(result).toMatchObject({
      verdict: 'unverified',
      anchors: [{ outcome: 'proven' }, { outcome: 'unproven', reason: expect.stringMatching(/bob .* did not cosign/) }],
    });
  });

  it('are refuted by a forged cosignature', async () => {
    const forged = async () => {
      const { treeSize, note } = await cosigned(10, [alice, bob])();
      const parsed = parseNote(note);
      const last = parsed.signatures.at(-1)!;
      const signature = Buffer.from(last.signature);
      signature[40] ^= 1;
      return {
        treeSize,
        note: formatNote({
          text: parsed.text,
          signatures: [...parsed.signatures.slice(0, -1), { ...last, signature }],
        }),
      };
    };
    const result = await verified(format, { witnessKeys: [alice.vkey, bob.vkey] }, { latestCosigned: forged });
    expect(result).toMatchObject({ verdict: 'tampered', problem: { code: 'bad_cosignature' } });
  });
});

const unavailable = opensslUnavailableReason();
if (unavailable !== undefined) {
  describe('the checkpoint’s time-stamp on real exports', () => {
    it.skip(`is skipped: ${unavailable}`, () => undefined);
  });
  console.warn(`export time-stamp tests skipped: ${unavailable}`);
} else {
  describe('the checkpoint’s time-stamp on real exports', () => {
    let tsa: LocalTsa;
    beforeAll(async () => {
      tsa = await startLocalTsa();
    }, 60_000);
    afterAll(() => tsa?.close());

    it.each(Object.values(KINDS))('holds on a %s export, with the TSA’s genTime', async (format) => {
      const stamped = { tsa: { url: tsa.url, certificate: tsa.certificates.tsa } };
      const result = await verified(format, { tsaCertificatePem: tsa.certificates.tsa }, stamped);
      expect(result).toMatchObject({ verdict: 'intact', anchors: [{ check: 'timestamp', outcome: 'proven' }] });
      expect(result.anchors[0]).toMatchObject({
        genTime: expect.any(Date),
        summary: expect.stringMatching(/by CN=Local test TSA$/),
      });
    });

    it('is refuted with another TSA’s certificate, and not proven without a token', async () => {
      const stamped = { tsa: { url: tsa.url, certificate: tsa.certificates.tsa } };
      expect(await verified('ndjson', { tsaCertificatePem: tsa.certificates.otherTsa }, stamped)).toMatchObject({
        verdict: 'tampered',
        problem: { code: 'bad_timestamp' },
      });
      expect(await verified('ndjson', { tsaCertificatePem: tsa.certificates.tsa })).toMatchObject({
        verdict: 'unverified',
        anchors: [{ outcome: 'unproven', reason: expect.stringMatching(/no time-stamp token/) }],
      });
    });
  });
}

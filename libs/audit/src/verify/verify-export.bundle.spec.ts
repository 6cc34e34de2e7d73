import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { ExportManifest } from '../export/export-format';
import { signSeal } from '../seal/seal-statement';
import { generateSigningKey, publicKeyPem } from '../seal/signing';
import { ed25519NoteSigner } from '../transparency/ed25519-note-key';
import { signNote } from '../transparency/sign-note';
import { parseNote } from '../transparency/signed-note';
import { TEST_LOG_ORIGIN } from '../testing/bundle-file';
import {
  exportLedger,
  ndjsonOf,
  rechain,
  useLedger,
  verifyBundle,
  withDigests,
  withEvents,
  writeBundle,
  type ExportFiles,
} from '../testing/export-fixture';
import { verifyExport, type VerifyExportOptions } from './verify-export';

// The fixture's log, by index (position = index + 1 on SQLite):
//  0 mission-IDNUM r0 · 1 franceconnect r0 · 2 hubee r0 · 3 franceconnect r1 · 4 hubee r1 · 5 franceconnect r2
//  6 seal citp-2021-s2 (of 0..5) · 7 hubee r2 · 8 vitam r0 · 9 franceconnect r3 · 10 seal citp-2022-s1 (of 0..9)
// 11 franceconnect r4 · 12 vitam r1 (10 to 12 are unsealed: a seal cannot cover its own event)

const ledger = useLedger();
let untouched: ExportFiles;
beforeAll(() => {
  untouched = exportLedger(ledger);
});

const verify = (files: ExportFiles, options?: VerifyExportOptions) => verifyBundle(ledger, files, options);

/** Damages events.ndjson and leaves the manifest as exported, digests included. */
function withLines(files: ExportFiles, change: (lines: string[]) => string[]): ExportFiles {
  const lines = files.ndjson.split('\n').slice(0, -1);
  return {
    ...files,
    ndjson: change(lines)
      .map((line) => `${line}\n`)
      .join(''),
  };
}

function withManifest(files: ExportFiles, change: Partial<ExportManifest>): ExportFiles {
  return { ...files, manifest: { ...files.manifest, ...change } };
}

describe('verifyExport on an untouched bundle', () => {
  it('passes, counting what it checked, and gives the trailer it opened', async () => {
    const { trailer, ...counts } = await verify(untouched);
    expect(counts).toEqual({
      ok: true,
      verdict: 'intact',
      eventsChecked: 13,
      streamsChecked: 6,
      sealsChecked: 2,
      // One between the seals, one from each seal to the checkpoint.
      proofsChecked: 3,
      unsealedEvents: 3,
      filtered: false,
      keySource: 'auditor',
      chainGaps: 0,
      anchors: [],
      limitations: [],
    });
    expect(trailer).toMatchObject({
      trailer: untouched.trailer,
      checkpoint: { origin: TEST_LOG_ORIGIN, size: 13 },
      statement: { eventCount: 13, firstPosition: ledger.at(0), lastPosition: ledger.at(12), sealCount: 2 },
      signaturesChecked: true,
    });
  });

  it('checks the seals with the key the bundle carries when the auditor brings none, and says it is unverified', async () => {
    expect(await verify(untouched, {})).toMatchObject({
      ok: true,
      verdict: 'unverified',
      sealsChecked: 2,
      keySource: 'manifest',
    });
  });

  it('reports progress as it reads, with the bytes of events read', async () => {
    const calls: [number, number][] = [];
    await verify(untouched, {
      publicKeyPem: ledger.pem,
      progressEvery: 5,
      onProgress: (n, bytes) => calls.push([n, bytes]),
    });
    expect(calls.map(([n]) => n)).toEqual([5, 10, 13]);
    expect(calls.at(-1)?.[1]).toBe(Buffer.byteLength(ndjsonOf(untouched)));
  });
});

describe('verifyExport on a tampered bundle reports the first problem where it is', () => {
  it('a changed byte in an event’s data', async () => {
    const files = withLines(untouched, (lines) =>
      lines.map((l, i) => (i === 3 ? l.replace('28000000', '28000001') : l)),
    );
    expect((await verify(files)).problem).toMatchObject({
      code: 'chain_broken',
      position: ledger.at(3),
      streamId: 'project-franceconnect',
      line: 4,
    });
  });

  it('changed metadata', async () => {
    const files = withLines(untouched, (lines) => lines.map((l, i) => (i === 4 ? l.replace('Camille', 'Camilla') : l)));
    expect((await verify(files)).problem).toMatchObject({ code: 'chain_broken', position: ledger.at(4) });
  });

  it('bytes outside the hashed values (spacing)', async () => {
    const files = withLines(untouched, (lines) => lines.map((l, i) => (i === 8 ? l.replace('","', '", "') : l)));
    expect((await verify(files)).problem).toMatchObject({ code: 'malformed_event', position: ledger.at(8), line: 9 });
  });

  it('a removed event, at the next event of its stream', async () => {
    const result = await verify(withLines(untouched, (lines) => lines.filter((_, i) => i !== 3)));
    expect(result.problem).toMatchObject({
      code: 'chain_broken',
      position: ledger.at(5),
      streamId: 'project-franceconnect',
    });
    expect(result.eventsChecked).toBe(4);
  });

  it('a removed event that left no later event in its stream, at the seal covering it', async () => {
    const result = await verify(withLines(untouched, (lines) => lines.slice(1)));
    expect(result.problem).toMatchObject({ code: 'merkle_mismatch', position: ledger.at(6), cycleId: 'citp-2021-s2' });
  });

  it('the removed event a seal ends at, at that seal', async () => {
    expect((await verify(withLines(untouched, (lines) => lines.filter((_, i) => i !== 5)))).problem).toMatchObject({
      code: 'merkle_mismatch',
      position: ledger.at(6),
    });
  });

  it('a removed event after the last seal, through the signed statement’s count', async () => {
    expect((await verify(withLines(untouched, (lines) => lines.slice(0, -1)))).problem).toMatchObject({
      code: 'statement_mismatch',
      file: 'events.ndjson',
    });
  });

  it('an event inserted under an existing position', async () => {
    const files = withLines(untouched, (lines) => [...lines.slice(0, 5), lines[4], ...lines.slice(5)]);
    expect((await verify(files)).problem).toMatchObject({ code: 'out_of_order', position: ledger.at(4), line: 6 });
  });

  it('a well-formed event inserted by a forger who renumbers and rechains, at the seal it falls under', async () => {
    const files = withEvents(untouched, (events) => {
      const forged = { ...events[2], streamId: 'project-forged', eventId: '7d7cbd0e-25f9-4b4a-9a43-8f0e4b2a5e11' };
      const renumbered = [...events.slice(0, 3), forged, ...events.slice(3)].map((e, i) => ({
        ...e,
        position: BigInt(i + 1),
      }));
      return rechain(renumbered);
    });
    expect((await verify(files)).problem).toMatchObject({ code: 'merkle_mismatch', position: ledger.at(6) });
  });

  it('two swapped lines', async () => {
    const files = withLines(untouched, (lines) => [...lines.slice(0, 3), lines[4], lines[3], ...lines.slice(5)]);
    expect((await verify(files)).problem).toMatchObject({ code: 'out_of_order', position: ledger.at(3), line: 5 });
  });

  it('two events of a stream swapped under their positions', async () => {
    const files = withEvents(untouched, (events) =>
      events.map((e, i) =>
        i === 3 ? { ...events[5], position: e.position } : i === 5 ? { ...events[3], position: e.position } : e,
      ),
    );
    expect((await verify(files)).problem).toMatchObject({ code: 'chain_broken', position: ledger.at(3) });
  });

  it('a truncated events.ndjson', async () => {
    const files = { ...untouched, ndjson: untouched.ndjson.slice(0, -40) };
    expect((await verify(files)).problem).toMatchObject({
      code: 'truncated',
      file: 'events.ndjson',
      line: 13,
      position: ledger.at(12),
    });
  });

  it('an events.ndjson whose trailer was removed, digests recomputed: cut', async () => {
    const result = await verify(withDigests({ ...untouched, trailer: undefined }));
    expect(result).toMatchObject({
      ok: false,
      verdict: 'tampered',
      problem: { code: 'truncated', file: 'events.ndjson' },
    });
    expect(result.problem?.message).toContain('ends without its trailer');
  });

  it('a line after the trailer', async () => {
    const text = ndjsonOf(untouched) + ndjsonOf({ ...untouched, trailer: undefined }).split('\n')[0] + '\n';
    const added = withDigests({ ...untouched, ndjson: text, proofs: {}, trailer: undefined });
    expect((await verify(added)).problem).toMatchObject({ code: 'after_trailer', line: 15 });
  });

  it('a bundle cut at a seal, the later seals’ events and manifest entries removed and the digests recomputed', async () => {
    // Everything up to the first seal's event, as if the log had stopped there; the trailer kept, or removed.
    const cut = withLines(untouched, (lines) => lines.slice(0, 7));
    const manifest = { eventCount: 7, lastPosition: ledger.at(6), seals: untouched.manifest.seals.slice(0, 1) };
    const forged = withDigests(withManifest(cut, { ...manifest, consistencyProofs: [] }));
    expect((await verify(forged)).problem).toMatchObject({ code: 'statement_mismatch', file: 'events.ndjson' });
    expect((await verify(forged)).problem?.message).toContain('counts 13 events, the export holds 7');
    expect((await verify(withDigests({ ...forged, trailer: undefined }))).problem).toMatchObject({
      code: 'truncated',
    });
  });

  it('a rewrite after the last seal, chains rehashed: the checkpoint’s root', async () => {
    const files = withEvents(untouched, (events) =>
      rechain(events.map((e, i) => (i === 12 ? { ...e, data: { ...e.data, value: 13 } } : e))),
    );
    const result = await verify(withDigests(files));
    expect(result.problem).toMatchObject({ code: 'checkpoint_mismatch', file: 'events.ndjson' });
    expect(result.problem?.message).toContain('the log was rewritten');
  });

  it('an export statement signed by another key under the log’s name', async () => {
    const trailer = untouched.trailer as NonNullable<ExportFiles['trailer']>;
    const other = ed25519NoteSigner(TEST_LOG_ORIGIN, generateSigningKey());
    const statement = signNote(parseNote(trailer.statement).text, [other]);
    const files = withDigests({ ...untouched, trailer: { ...trailer, statement } });
    expect((await verify(files)).problem).toMatchObject({ code: 'bad_signature', file: 'events.ndjson' });
    expect((await verify(files)).problem?.message).toContain('export statement');
    expect(await verify(untouched)).toMatchObject({ ok: true });
  });

  it('a trailer whose statement names another checkpoint', async () => {
    const trailer = untouched.trailer as NonNullable<ExportFiles['trailer']>;
    const forged = exportLedger({ ...ledger, events: ledger.events.slice(0, 7), seals: ledger.seals.slice(0, 1) });
    const files = withDigests({
      ...untouched,
      trailer: { ...trailer, checkpoint: forged.trailer?.checkpoint as string },
    });
    expect((await verify(files)).problem).toMatchObject({ code: 'bad_trailer' });
  });

  it('a seal whose root was changed under its old signature', async () => {
    const seals = untouched.manifest.seals.map((s, i) => (i === 1 ? { ...s, merkleRoot: 'ab'.repeat(32) } : s));
    expect((await verify(withManifest(untouched, { seals }))).problem).toMatchObject({
      code: 'bad_signature',
      position: ledger.at(10),
      cycleId: 'citp-2022-s1',
    });
  });

  it('a seal signed by another key', async () => {
    const other = generateSigningKey();
    const seals = untouched.manifest.seals.map((s, i) => (i === 1 ? { ...s, signature: signSeal(other, s) } : s));
    expect((await verify(withManifest(untouched, { seals }))).problem).toMatchObject({
      code: 'bad_signature',
      position: ledger.at(10),
    });
  });

  it('an auditor key other than the one the export names', async () => {
    const result = await verify(untouched, { publicKeyPem: publicKeyPem(generateSigningKey()) });
    expect(result).toMatchObject({ ok: false, problem: { code: 'wrong_key', file: 'manifest.json' } });
  });

  it('an export that names a forger’s key: wrong key for the auditor, bad signatures without one', async () => {
    const forged = exportLedger(ledger, { key: generateSigningKey() });
    expect((await verify(forged)).problem).toMatchObject({ code: 'wrong_key' });
    expect((await verify(forged, {})).problem).toMatchObject({ code: 'bad_signature', position: ledger.at(6) });
  });

  it('a consistency proof that does not hold', async () => {
    const [proof] = untouched.manifest.consistencyProofs;
    const consistencyProofs = [{ ...proof, proof: [...proof.proof.slice(1), 'cd'.repeat(32)] }];
    expect((await verify(withManifest(untouched, { consistencyProofs }))).problem).toMatchObject({
      code: 'inconsistent_seals',
      position: ledger.at(10),
    });
  });

  it('a seal event the manifest does not list', async () => {
    const files = withManifest(untouched, { seals: untouched.manifest.seals.slice(1), consistencyProofs: [] });
    expect((await verify(files)).problem).toMatchObject({ code: 'seal_mismatch', position: ledger.at(6) });
  });

  it('a changed file beside the events, naming it', async () => {
    const files = { ...untouched, others: { ...untouched.others, 'tableschema.json': '{"fields":[]}\n' } };
    expect((await verify(files)).problem).toMatchObject({ code: 'digest_mismatch', file: 'tableschema.json' });
  });

  it('a listed file missing from the zip', async () => {
    const others = Object.fromEntries(Object.entries(untouched.others).filter(([name]) => name !== 'README.md'));
    expect((await verify({ ...untouched, others })).problem).toMatchObject({ code: 'missing_file', file: 'README.md' });
  });

  it('the last event removed by a forger who fixed the manifest and the digests, by the signed statement', async () => {
    // Format v1 passed this one: nothing but the manifest, which anyone can rewrite, said where the log ended.
    const files = withLines(untouched, (lines) => lines.slice(0, -1));
    const fixed = withDigests(withManifest(files, { eventCount: 12, lastPosition: ledger.at(11) }));
    expect((await verify(fixed)).problem).toMatchObject({ code: 'statement_mismatch', file: 'events.ndjson' });
  });

  it('a manifest whose digest of events.ndjson is not the file’s, once everything else holds', async () => {
    const events = { ...untouched.manifest.files['events.ndjson'], sha256: 'ab'.repeat(32) };
    const files = withManifest(untouched, { files: { ...untouched.manifest.files, 'events.ndjson': events } });
    expect((await verify(files)).problem).toMatchObject({ code: 'digest_mismatch', file: 'events.ndjson' });
  });

  it('a log cut before a seal by a forger who fixed the manifest, at that seal', async () => {
    const cut = withLines(untouched, (lines) => lines.slice(0, 5));
    const fixed = withDigests(withManifest(cut, { eventCount: 5, lastPosition: ledger.at(4) }));
    expect((await verify(fixed)).problem).toMatchObject({ code: 'merkle_mismatch', position: ledger.at(6) });
  });

  it('a seal event removed from the file, though no seal covers it', async () => {
    const removed = withLines(untouched, (lines) => lines.filter((_, i) => i !== 10));
    const fixed = withDigests(withManifest(removed, { eventCount: 12 }));
    expect((await verify(fixed)).problem).toMatchObject({
      code: 'seal_mismatch',
      position: ledger.at(10),
      cycleId: 'citp-2022-s1',
    });
  });

  it('a seal event that says something else than the manifest’s seal', async () => {
    const files = withEvents(untouched, (events) =>
      rechain(events.map((e, i) => (i === 10 ? { ...e, data: { ...e.data, merkleRoot: 'ab'.repeat(32) } } : e))),
    );
    expect((await verify(files)).problem).toMatchObject({ code: 'seal_mismatch', position: ledger.at(10), line: 11 });
  });

  it('a consistency proof for other tree sizes than the seals’', async () => {
    const consistencyProofs = untouched.manifest.consistencyProofs.map((p) => ({ ...p, fromSize: p.fromSize - 1 }));
    expect((await verify(withManifest(untouched, { consistencyProofs }))).problem).toMatchObject({
      code: 'inconsistent_seals',
      cycleId: 'citp-2022-s1',
    });
  });

  it('a zip holding two entries of one name', async () => {
    const path = join(ledger.dir, 'twice.zip');
    const zip = new ZipFile();
    for (const name of ['events.ndjson', 'manifest.json', 'events.ndjson']) zip.addBuffer(Buffer.from('{}\n'), name);
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(path));
    expect((await verifyExport({ kind: 'bundle', path })).problem).toMatchObject({
      code: 'unreadable',
      file: 'events.ndjson',
    });
  });

  it('a manifest that is not a v2 manifest', async () => {
    const path = await writeBundle(ledger.dir, untouched, '{"format":"portfolio-ledger/export/v0"}');
    expect((await verifyExport({ kind: 'bundle', path })).problem).toMatchObject({ code: 'bad_manifest' });
  });

  it('a file that is not a zip', async () => {
    const path = join(ledger.dir, 'not-a-zip.zip');
    await writeFile(path, untouched.ndjson);
    expect((await verifyExport({ kind: 'bundle', path })).problem).toMatchObject({ code: 'unreadable' });
  });
});

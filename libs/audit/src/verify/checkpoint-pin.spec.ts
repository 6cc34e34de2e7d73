import { generateSigningKey, publicKeyPem } from '../seal/signing';
import { AnchoredLog, eventHashes, newWitness } from './testing/anchored-log';
import { PrefixRootRecorder } from './prefix-root';
import { checkTrust, readTrustAnchors, type AnchoredExport } from './trust-options';

// --checkpoint and --min-size: an export must show the pinned log or a later state of it, never an older or another.

const leaves = eventHashes(12);
const ledger = new AnchoredLog(leaves);
const rewritten = ledger.fork([...eventHashes(5, 'rewritten'), ...leaves.slice(5)]);

function pinned(note: string) {
  return readTrustAnchors({ checkpointNote: note, publicKeyPem: ledger.publicKeyPem });
}

/** A full export's walk: the root of its first `size` events, recomputed from the events it holds. */
function walked(exported: AnchoredExport, events: readonly string[], size: number): AnchoredExport {
  const recorder = new PrefixRootRecorder(size);
  for (const event of events) recorder.see(event);
  const root = recorder.root();
  return { ...exported, prefixes: root === undefined ? [] : [{ size, root, by: `the export's first ${size} events` }] };
}

describe('a pinned checkpoint (--checkpoint)', () => {
  it('is proven by an export of the same checkpoint', async () => {
    const [finding] = await checkTrust(ledger.exported(8), pinned(ledger.checkpoint(8)));
    expect(finding).toEqual({
      check: 'pin',
      outcome: 'proven',
      summary: 'the pinned checkpoint (size 8): the same checkpoint',
    });
  });

  it('is refuted by an export of the same size and another root: the log was rewritten', async () => {
    const [finding] = await checkTrust(rewritten.exported(8), pinned(ledger.checkpoint(8)));
    expect(finding).toMatchObject({ outcome: 'refuted', problem: { code: 'pin_mismatch' } });
  });

  it('is refuted by an older export, which may hide what was recorded since', async () => {
    const [finding] = await checkTrust(ledger.exported(7), pinned(ledger.checkpoint(8)));
    expect(finding).toMatchObject({
      outcome: 'refuted',
      problem: {
        code: 'older_than_pin',
        message: expect.stringMatching(/size 7\) is older than the pinned checkpoint \(size 8\)/),
      },
    });
  });

  it('is proven by a later full export whose first events have the pinned root', async () => {
    const [finding] = await checkTrust(walked(ledger.exported(12), leaves, 8), pinned(ledger.checkpoint(8)));
    expect(finding).toMatchObject({
      outcome: 'proven',
      summary: expect.stringMatching(/extends it, by the export's first 8 events/),
    });
  });

  it('is refuted by a later full export whose first events were rewritten', async () => {
    const exported = walked(rewritten.exported(12), rewritten.leaves, 8);
    const [finding] = await checkTrust(exported, pinned(ledger.checkpoint(8)));
    expect(finding).toMatchObject({ outcome: 'refuted', problem: { code: 'pin_mismatch' } });
  });

  it('is left unproven by a later filtered export, which cannot recompute the log up to the pin', async () => {
    const [finding] = await checkTrust(ledger.exported(12), pinned(ledger.checkpoint(8)));
    expect(finding).toMatchObject({ outcome: 'unproven', reason: expect.stringMatching(/filtered export cannot/) });
  });

  it('is proven by a later filtered export through its witnessed checkpoint of the pinned size', async () => {
    const exported = ledger.exported(12, { witnessed: ledger.witnessed(8, 12, [newWitness('w.example.org/w1')]) });
    const [finding] = await checkTrust(exported, pinned(ledger.checkpoint(8)));
    expect(finding).toMatchObject({ outcome: 'proven', summary: expect.stringMatching(/by the witnessed checkpoint/) });
  });

  it('is refuted when the witnessed checkpoint of the pinned size has another root', async () => {
    const exported = rewritten.exported(12, { witnessed: rewritten.witnessed(8, 12, []) });
    const [finding] = await checkTrust(exported, pinned(ledger.checkpoint(8)));
    expect(finding).toMatchObject({ outcome: 'refuted', problem: { code: 'pin_mismatch' } });
  });

  it('is refused as unusable unless the instance key signed it, and without that key', () => {
    const other = publicKeyPem(generateSigningKey());
    expect(() => readTrustAnchors({ checkpointNote: ledger.checkpoint(8), publicKeyPem: other })).toThrow(
      expect.objectContaining({
        name: 'TrustOptionError',
        message: expect.stringMatching(/not a checkpoint signed by the instance key/),
      }),
    );
    expect(() => readTrustAnchors({ checkpointNote: 'not a note', publicKeyPem: ledger.publicKeyPem })).toThrow(
      expect.objectContaining({ name: 'TrustOptionError' }),
    );
    expect(() => readTrustAnchors({ checkpointNote: ledger.checkpoint(8) })).toThrow(/give --public-key/);
  });
});

describe('a minimum size (--min-size)', () => {
  it('is proven by an export at least that large, and refuted by a smaller one', async () => {
    const anchors = readTrustAnchors({ minSize: '8' });
    expect(await checkTrust(ledger.exported(8), anchors)).toMatchObject([{ outcome: 'proven' }]);
    expect(await checkTrust(ledger.exported(12), anchors)).toMatchObject([
      { outcome: 'proven', summary: 'size 12, at least 8' },
    ]);
    expect(await checkTrust(ledger.exported(7), anchors)).toMatchObject([
      { outcome: 'refuted', problem: { code: 'older_than_pin' } },
    ]);
  });

  it('is refused unless it is a whole number', () => {
    for (const text of ['', '-1', '08', '1.5', 'eight', '9007199254740993']) {
      expect(() => readTrustAnchors({ minSize: text })).toThrow(/--min-size must be a whole number/);
    }
  });
});

describe('PrefixRootRecorder', () => {
  it('has the root of the first events only once it has seen as many', () => {
    const recorder = new PrefixRootRecorder(8);
    leaves.slice(0, 7).forEach((leaf) => recorder.see(leaf));
    expect(recorder.root()).toBeUndefined();
    leaves.slice(7).forEach((leaf) => recorder.see(leaf));
    expect(recorder.root()).toBe(ledger.exported(8).checkpoint.root);
  });
});

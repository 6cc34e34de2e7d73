import { formatVerifierKey } from '../transparency/verifier-key';
import { SignatureType } from '../transparency/note-key';
import { formatNote, parseNote } from '../transparency/signed-note';
import { AnchoredLog, base64Hashes, COSIGNED_AT, eventHashes, newWitness } from './testing/anchored-log';
import { checkTrust, readTrustAnchors } from './trust-options';
import { consistencyProof } from '../merkle/merkle-tree';

// --witness-key: each witness named must have cosigned a checkpoint the export's own is proven to extend.

const leaves = eventHashes(12);
const ledger = new AnchoredLog(leaves);
const alice = newWitness('witness.example.org/alice');
const bob = newWitness('witness.example.net/bob');
const anchors = readTrustAnchors({ witnessKeys: [alice.vkey, bob.vkey], now: () => COSIGNED_AT });

/** The note with one byte of one cosignature flipped: a cosignature the witness never made. */
function forgeLastSignature(note: string): string {
  const parsed = parseNote(note);
  const last = parsed.signatures[parsed.signatures.length - 1];
  const signature = Buffer.from(last.signature);
  signature[20] ^= 1;
  return formatNote({ text: parsed.text, signatures: [...parsed.signatures.slice(0, -1), { ...last, signature }] });
}

describe('witness keys (--witness-key)', () => {
  it('are proven by their cosignatures on a checkpoint the export extends, with when they cosigned', async () => {
    const exported = ledger.exported(12, { witnessed: ledger.witnessed(9, 12, [alice, bob]) });
    expect(await checkTrust(exported, anchors)).toEqual([
      {
        check: 'witness',
        outcome: 'proven',
        summary: expect.stringMatching(
          /^witness witness\.example\.org\/alice .* cosigned size 9 at 2026-03-20T12:25:47\.000Z$/,
        ),
      },
      { check: 'witness', outcome: 'proven', summary: expect.stringMatching(/^witness witness\.example\.net\/bob /) },
    ]);
  });

  it('leave the export unverified when one of them did not cosign', async () => {
    const exported = ledger.exported(12, { witnessed: ledger.witnessed(12, 12, [alice]) });
    expect(await checkTrust(exported, anchors)).toMatchObject([
      { outcome: 'proven' },
      {
        outcome: 'unproven',
        reason: expect.stringMatching(/bob .* did not cosign the export's witnessed checkpoint \(size 12\)/),
      },
    ]);
  });

  it('leave the export unverified when its trailer has no witnessed checkpoint', async () => {
    expect(await checkTrust(ledger.exported(12), anchors)).toMatchObject([
      { outcome: 'unproven', reason: expect.stringMatching(/no witnessed checkpoint/) },
      { outcome: 'unproven' },
    ]);
  });

  it('refute an export whose witnessed checkpoint carries a forged cosignature', async () => {
    const witnessed = ledger.witnessed(9, 12, [alice, bob]);
    const exported = ledger.exported(12, {
      witnessed: { ...witnessed, checkpoint: forgeLastSignature(witnessed.checkpoint) },
    });
    expect(await checkTrust(exported, anchors)).toEqual([
      {
        check: 'witness',
        outcome: 'refuted',
        problem: { code: 'bad_cosignature', message: expect.stringMatching(/bob .* does not verify/) },
      },
    ]);
  });

  it('refute an export whose witnessed checkpoint the instance did not sign', async () => {
    const stranger = new AnchoredLog(leaves);
    const exported = ledger.exported(12, { witnessed: stranger.witnessed(9, 12, [alice]) });
    expect(await checkTrust(exported, anchors)).toMatchObject([
      {
        outcome: 'refuted',
        problem: { code: 'bad_witnessed_checkpoint', message: expect.stringMatching(/instance key/) },
      },
    ]);
  });

  it('refute an export of another log than the one the witnesses cosigned (a fork signed by the same key)', async () => {
    const fork = ledger.fork([...eventHashes(3, 'fork'), ...leaves.slice(3)]);
    const cosignedFork = fork.witnessed(9, 12, [alice, bob]);
    const honestProof = base64Hashes(consistencyProof(leaves, 9, 12));
    for (const witnessed of [cosignedFork, { ...cosignedFork, proof: honestProof }]) {
      expect(await checkTrust(ledger.exported(12, { witnessed }), anchors)).toMatchObject([
        { outcome: 'refuted', problem: { code: 'witness_inconsistent' } },
      ]);
    }
  });

  it('refute a witnessed checkpoint larger than the export, or with a proof that is not base64 hashes', async () => {
    const larger = ledger.exported(9, { witnessed: ledger.witnessed(12, 12, [alice]) });
    const garbled = ledger.exported(12, { witnessed: { ...ledger.witnessed(9, 12, [alice]), proof: ['not base64'] } });
    for (const exported of [larger, garbled]) {
      expect(await checkTrust(exported, anchors)).toMatchObject([
        { outcome: 'refuted', problem: { code: 'witness_inconsistent' } },
      ]);
    }
  });

  it('check the witnessed checkpoint even when no witness key is given: a bad one is a changed trailer', async () => {
    const fork = ledger.fork(eventHashes(12, 'fork'));
    const exported = ledger.exported(12, { witnessed: fork.witnessed(9, 12, []) });
    expect(await checkTrust(exported, readTrustAnchors({}))).toMatchObject([{ outcome: 'refuted' }]);
    expect(
      await checkTrust(ledger.exported(12, { witnessed: ledger.witnessed(9, 12, []) }), readTrustAnchors({})),
    ).toEqual([]);
  });

  it('are refused as unusable when malformed or not cosignature keys', () => {
    const logVkey = formatVerifierKey('witness.example.org/alice', SignatureType.ed25519, alice.key);
    for (const vkey of ['alice', `${alice.vkey.slice(0, -4)}AAA=`, logVkey]) {
      expect(() => readTrustAnchors({ witnessKeys: [vkey] })).toThrow(
        expect.objectContaining({
          name: 'TrustOptionError',
          message: expect.stringMatching(/witness key .* cannot be used/),
        }),
      );
    }
  });
});

import {
  consistencyProof,
  cosignatureSigner,
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatVerifierKey,
  generateSigningKey,
  merkleRoot,
  openCheckpoint,
  parseNote,
  signCheckpoint,
  SignatureType,
} from '@portfolio/audit';
import { createHash } from 'node:crypto';
import { cosignatureVerifier } from '../../../../libs/audit/src/transparency/cosignature';
import { witnessRound, type LogSource } from './witness-round';

// The witness's round against logs built here with the real Merkle tree and keys: one that grows, one rewound, one forked.

const ORIGIN = 'portfolio.example/log';
const NOW = new Date('2026-03-01T10:00:00Z');
const logPrivateKey = generateSigningKey();
const logKey = ed25519NoteVerifier(formatVerifierKey(ORIGIN, SignatureType.ed25519, logPrivateKey));
const witnessKey = generateSigningKey();
const cosigner = cosignatureSigner('witness.example', witnessKey, () => NOW);
const witnessVkey = formatVerifierKey('witness.example', SignatureType.cosignatureV1, witnessKey);

const hashes = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => createHash('sha256').update(`${prefix}${i}`).digest('hex'));

/** A log serving the checkpoint of its first `size` leaves, signed by the log key, and proofs over all its leaves. */
function logOf(leaves: readonly string[], size = leaves.length): LogSource {
  return {
    latestCheckpoint: async () =>
      signCheckpoint({ origin: ORIGIN, size, root: merkleRoot(leaves.slice(0, size)) }, [
        ed25519NoteSigner(ORIGIN, logPrivateKey),
      ]),
    consistencyProof: async (from, to) => consistencyProof(leaves, from, to),
  };
}

const events = hashes('event', 7);

describe('a witness round', () => {
  it('cosigns the first checkpoint it sees, with a line the witness key verifies', async () => {
    const round = await witnessRound(logOf(events, 4), logKey, cosigner, undefined);
    if (round.outcome !== 'cosigned') throw new Error(round.reason);
    expect(round.state).toMatchObject({ size: 4, root: merkleRoot(events.slice(0, 4)) });
    const cosigned = openCheckpoint(`${round.state.note}${round.line}\n`, logKey, [
      cosignatureVerifier(witnessVkey, { now: () => NOW, maxSkewSeconds: 0 }),
    ]);
    expect(cosigned.cosignatures.map((signature) => signature.name)).toEqual(['witness.example']);
    // Handed back as the checkpoint text and the witness's line alone: the log's own line is the log's to add.
    expect(round.cosignedNote).toBe(`${parseNote(round.state.note).text}\n${round.line}\n`);
  });

  it('cosigns a larger checkpoint that the consistency proof shows extends the last one', async () => {
    const first = await witnessRound(logOf(events, 4), logKey, cosigner, undefined);
    if (first.outcome !== 'cosigned') throw new Error(first.reason);
    const next = await witnessRound(logOf(events), logKey, cosigner, first.state);
    expect(next).toMatchObject({ outcome: 'cosigned', state: { size: 7, root: merkleRoot(events) } });
  });

  it('cosigns the same checkpoint again', async () => {
    const first = await witnessRound(logOf(events), logKey, cosigner, undefined);
    if (first.outcome !== 'cosigned') throw new Error(first.reason);
    expect(await witnessRound(logOf(events), logKey, cosigner, first.state)).toMatchObject({ outcome: 'cosigned' });
  });

  it('refuses a rewound log', async () => {
    const first = await witnessRound(logOf(events), logKey, cosigner, undefined);
    if (first.outcome !== 'cosigned') throw new Error(first.reason);
    expect(await witnessRound(logOf(events, 5), logKey, cosigner, first.state)).toEqual({
      outcome: 'refused',
      reason: 'rewound log: the checkpoint has 5 events, fewer than the 7 already cosigned',
    });
  });

  it('refuses a fork at the same size and at a larger one', async () => {
    const first = await witnessRound(logOf(events, 4), logKey, cosigner, undefined);
    if (first.outcome !== 'cosigned') throw new Error(first.reason);
    const fork = [...events.slice(0, 3), ...hashes('fork', 4)];
    const sameSize = await witnessRound(logOf(fork, 4), logKey, cosigner, first.state);
    expect(sameSize).toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/^forked log: at the same size 4 /),
    });
    expect(await witnessRound(logOf(fork), logKey, cosigner, first.state)).toEqual({
      outcome: 'refused',
      reason:
        'forked log: the checkpoint of size 7 does not extend the one of size 4 already cosigned (the consistency proof fails)',
    });
  });

  it('refuses a checkpoint the log key did not sign', async () => {
    const otherKey = ed25519NoteVerifier(formatVerifierKey(ORIGIN, SignatureType.ed25519, generateSigningKey()));
    await expect(witnessRound(logOf(events), otherKey, cosigner, undefined)).rejects.toThrow(
      'no known key signed the note',
    );
  });
});

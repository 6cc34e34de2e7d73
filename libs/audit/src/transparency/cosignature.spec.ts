import { generateKeyPairSync, sign } from 'node:crypto';
import { merkleRoot } from '../merkle/merkle-tree';
import { formatCheckpoint } from './checkpoint';
import { openCheckpoint, signCheckpoint } from './checkpoint-note';
import { cosignatureSigner, cosignatureTime, cosignatureVerifier } from './cosignature';
import { ed25519NoteSigner, ed25519NoteVerifier } from './ed25519-note-key';
import { noteKeyId, SignatureType, ed25519PublicKeyBytes } from './note-key';
import { signText } from './sign-note';
import { formatNote, formatSignatureLine, parseNote, parseSignatureLine } from './signed-note';
import { noteError } from './testing/refusals';
import { formatVerifierKey } from './verifier-key';

const SIGNED_AT = new Date('2026-03-20T12:25:47Z');
const SIGNED_AT_SECONDS = 1774009547;
const clock = Object.freeze({ now: () => SIGNED_AT, maxSkewSeconds: 60 });

const checkpoint = Object.freeze({
  origin: 'ledger.example.gouv.fr/portfolio',
  size: 1,
  root: merkleRoot(['ab'.repeat(32)]),
});
const text = formatCheckpoint(checkpoint);

const logKey = generateKeyPairSync('ed25519').privateKey;
const logVerifier = ed25519NoteVerifier(formatVerifierKey(checkpoint.origin, SignatureType.ed25519, logKey));
const logNote = signCheckpoint(checkpoint, [ed25519NoteSigner(checkpoint.origin, logKey)]);

const witnessName = 'witness.example.org/w1';
const witnessKey = generateKeyPairSync('ed25519').privateKey;
const witnessVkey = formatVerifierKey(witnessName, SignatureType.cosignatureV1, witnessKey);

function cosignedAt(date: Date) {
  return signText(
    text,
    cosignatureSigner(witnessName, witnessKey, () => date),
  );
}

/** The log's note with the witness's line appended, as the log publishes it after collecting the cosignature. */
function withCosignature(line: string): string {
  const note = parseNote(logNote);
  return formatNote({ text: note.text, signatures: [...note.signatures, parseSignatureLine(line)] });
}

describe('cosignature/v1', () => {
  it('signs `cosignature/v1`, the time line and the checkpoint, after the time as 8 big-endian bytes', () => {
    const cosignature = cosignedAt(SIGNED_AT);
    const message = `cosignature/v1\ntime ${SIGNED_AT_SECONDS}\n${text}`;
    expect(cosignature.signature.subarray(0, 8)).toEqual(Buffer.from('0000000069bd3ccb', 'hex'));
    expect(cosignature.signature.subarray(8)).toEqual(sign(null, Buffer.from(message), witnessKey));
    expect(cosignature.keyId).toBe(noteKeyId(witnessName, 0x04, ed25519PublicKeyBytes(witnessKey)));
  });

  it('opens as a witness cosignature of the log’s checkpoint, with the time it was made', () => {
    const note = withCosignature(formatSignatureLine(cosignedAt(SIGNED_AT)));
    const opened = openCheckpoint(note, logVerifier, [cosignatureVerifier(witnessVkey, clock)]);
    expect(opened.cosignatures.map((c) => c.name)).toEqual([witnessName]);
    expect(cosignatureTime(opened.cosignatures[0])).toEqual(SIGNED_AT);
  });

  it('accepts a witness clock ahead of ours within the skew, and refuses one beyond it', () => {
    const verifiers = [cosignatureVerifier(witnessVkey, clock)];
    const ahead = (seconds: number) => new Date(SIGNED_AT.getTime() + seconds * 1000);
    const within = withCosignature(formatSignatureLine(cosignedAt(ahead(60))));
    expect(openCheckpoint(within, logVerifier, verifiers).cosignatures).toHaveLength(1);
    const beyond = withCosignature(formatSignatureLine(cosignedAt(ahead(61))));
    expect(() => openCheckpoint(beyond, logVerifier, verifiers)).toThrow(
      noteError('invalid_signature', /witness.example.org\/w1.*timestamp 1774009608 is in the future/),
    );
  });

  it('is rejected when its timestamp was altered', () => {
    const cosignature = cosignedAt(SIGNED_AT);
    const earlier = Buffer.from(cosignature.signature);
    earlier.writeBigUInt64BE(BigInt(SIGNED_AT_SECONDS - 1));
    const note = withCosignature(formatSignatureLine({ ...cosignature, signature: earlier }));
    expect(() => openCheckpoint(note, logVerifier, [cosignatureVerifier(witnessVkey, clock)])).toThrow(
      noteError('invalid_signature', /does not match/),
    );
  });

  it('is rejected when made over another checkpoint', () => {
    const other = formatCheckpoint({ ...checkpoint, size: 2 });
    const cosignature = signText(
      other,
      cosignatureSigner(witnessName, witnessKey, () => SIGNED_AT),
    );
    const note = withCosignature(formatSignatureLine(cosignature));
    expect(() => openCheckpoint(note, logVerifier, [cosignatureVerifier(witnessVkey, clock)])).toThrow(
      noteError('invalid_signature', /does not match/),
    );
  });

  it('is refused when it is not 72 bytes', () => {
    const cosignature = cosignedAt(SIGNED_AT);
    const note = withCosignature(formatSignatureLine({ ...cosignature, signature: cosignature.signature.subarray(8) }));
    expect(() => openCheckpoint(note, logVerifier, [cosignatureVerifier(witnessVkey, clock)])).toThrow(
      noteError('invalid_signature', /72 bytes, not 64/),
    );
    expect(() => cosignatureTime({ ...cosignature, signature: cosignature.signature.subarray(8) })).toThrow(
      noteError('malformed', /not a cosignature/),
    );
  });

  it('is not mistaken for a plain Ed25519 signature by the same key, nor the other way round', () => {
    const plainVkey = formatVerifierKey(witnessName, SignatureType.ed25519, witnessKey);
    const cosigned = withCosignature(formatSignatureLine(cosignedAt(SIGNED_AT)));
    expect(openCheckpoint(cosigned, logVerifier, [ed25519NoteVerifier(plainVkey)]).cosignatures).toEqual([]);
    const plain = withCosignature(formatSignatureLine(signText(text, ed25519NoteSigner(witnessName, witnessKey))));
    expect(openCheckpoint(plain, logVerifier, [cosignatureVerifier(witnessVkey, clock)]).cosignatures).toEqual([]);
  });

  it('is made over checkpoints only', () => {
    const cosigner = cosignatureSigner(witnessName, witnessKey, () => SIGNED_AT);
    expect(() => signText('any text at all\n', cosigner)).toThrow(noteError('malformed', /not a checkpoint/));
  });

  it('takes a witness key of the cosignature type and a whole skew', () => {
    const plainVkey = formatVerifierKey(witnessName, SignatureType.ed25519, witnessKey);
    expect(() => cosignatureVerifier(plainVkey, clock)).toThrow(noteError('malformed', /type 0x01, not 0x04/));
    expect(() => cosignatureVerifier(witnessVkey, { ...clock, maxSkewSeconds: -1 })).toThrow(RangeError);
  });
});

import { createHash, generateKeyPairSync } from 'node:crypto';
import { merkleRoot } from '../merkle/merkle-tree';
import { formatCheckpoint, parseCheckpoint, rootFromBase64, rootToBase64 } from './checkpoint';
import { openCheckpoint, signCheckpoint } from './checkpoint-note';
import { ed25519NoteSigner, ed25519NoteVerifier } from './ed25519-note-key';
import { SignatureType } from './note-key';
import { signNote } from './sign-note';
import { noteError } from './testing/refusals';
import { formatVerifierKey } from './verifier-key';

// The C2SP tlog-checkpoint example.
const SOFA = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SOFA_ROOT = Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64').toString('hex');

const leaves = ['a', 'b', 'c'].map((event) => createHash('sha256').update(event).digest('hex'));
const checkpoint = Object.freeze({ origin: 'ledger.example.gouv.fr/portfolio', size: 3, root: merkleRoot(leaves) });

const logKey = generateKeyPairSync('ed25519').privateKey;
const log = {
  signer: ed25519NoteSigner(checkpoint.origin, logKey),
  verifier: ed25519NoteVerifier(formatVerifierKey(checkpoint.origin, SignatureType.ed25519, logKey)),
};

describe('checkpoint text', () => {
  it('is the origin, the tree size and the base64 of merkle.ts’s root, each on its line', () => {
    const text = formatCheckpoint(checkpoint);
    expect(text).toBe(`${checkpoint.origin}\n3\n${Buffer.from(checkpoint.root, 'hex').toString('base64')}\n`);
    expect(parseCheckpoint(text)).toEqual({ ...checkpoint, extensions: [] });
  });

  it('reads the specification’s example', () => {
    expect(parseCheckpoint(SOFA)).toEqual({
      origin: 'example.com/behind-the-sofa',
      size: 20852163,
      root: SOFA_ROOT,
      extensions: [],
    });
  });

  it('keeps the extension lines of another log’s checkpoint, and an origin that is not a key name', () => {
    const parsed = parseCheckpoint(`Behind the sofa\n0\n${rootToBase64(merkleRoot([]))}\nfirst\nsecond\n`);
    expect(parsed).toMatchObject({ origin: 'Behind the sofa', size: 0, root: merkleRoot([]) });
    expect(parsed.extensions).toEqual(['first', 'second']);
  });

  it('converts roots between merkle.ts’s hex and the checkpoint’s base64', () => {
    expect(rootFromBase64(rootToBase64(checkpoint.root))).toBe(checkpoint.root);
    expect(rootToBase64(SOFA_ROOT)).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    expect(() => rootToBase64(SOFA_ROOT.toUpperCase())).toThrow(TypeError);
  });

  const [origin, , root] = SOFA.split('\n');
  it.each([
    ['a tree size with a leading zero', `${origin}\n020852163\n${root}\n`, /leading zeros/],
    ['a negative tree size', `${origin}\n-1\n${root}\n`, /leading zeros/],
    ['a tree size in exponent form', `${origin}\n2e7\n${root}\n`, /leading zeros/],
    ['a tree size with a space', `${origin}\n 20852163\n${root}\n`, /leading zeros/],
    ['a tree size beyond 2^53 - 1', `${origin}\n9007199254740992\n${root}\n`, /2\^53 - 1/],
    ['a 31-byte root', `${origin}\n1\n${Buffer.alloc(31).toString('base64')}\n`, /32 bytes, not 31/],
    ['a 33-byte root', `${origin}\n1\n${Buffer.alloc(33).toString('base64')}\n`, /32 bytes, not 33/],
    ['a root that is not base64', `${origin}\n1\n${root.replace('=', '')}\n`, /not base64/],
    ['an empty origin', `\n1\n${root}\n`, /origin line is empty/],
    ['no root line', `${origin}\n1\n`, /needs an origin, a tree size and a root/],
    ['no final newline', SOFA.slice(0, -1), /end with a newline/],
    ['an empty extension line', `${SOFA}\nextension\n`, /extension line is empty/],
    ['a control character', SOFA.replace('sofa', 'so\tfa'), /control characters/],
  ])('refuses a checkpoint with %s', (_case, text, message) => {
    expect(() => parseCheckpoint(text)).toThrow(noteError('malformed', message));
  });

  it('writes only checkpoints whose origin can name the log key, with a whole tree size', () => {
    expect(() => formatCheckpoint({ ...checkpoint, origin: 'a log' })).toThrow(noteError('malformed', /origin/));
    expect(() => formatCheckpoint({ ...checkpoint, origin: 'a+log' })).toThrow(noteError('malformed', /origin/));
    expect(() => formatCheckpoint({ ...checkpoint, size: 1.5 })).toThrow(noteError('malformed', /tree size/));
  });
});

describe('signed checkpoints', () => {
  it('open with the log key into the checkpoint it signed', () => {
    const note = signCheckpoint(checkpoint, [log.signer]);
    expect(openCheckpoint(note, log.verifier)).toEqual({
      checkpoint: { ...checkpoint, extensions: [] },
      text: formatCheckpoint(checkpoint),
      cosignatures: [],
    });
  });

  it('are rejected when the size or root was changed after signing', () => {
    const note = signCheckpoint(checkpoint, [log.signer]);
    const grown = note.replace(`\n3\n`, `\n4\n`);
    expect(() => openCheckpoint(grown, log.verifier)).toThrow(noteError('invalid_signature', /does not verify/));
  });

  it('are rejected when another key signed them, even under the log’s name', () => {
    const impostor = ed25519NoteSigner(checkpoint.origin, generateKeyPairSync('ed25519').privateKey);
    const note = signCheckpoint(checkpoint, [impostor]);
    expect(() => openCheckpoint(note, log.verifier)).toThrow(noteError('unverified', /no known key/));
  });

  it('are rejected when only a witness signed them', () => {
    const witnessKey = generateKeyPairSync('ed25519').privateKey;
    const witness = ed25519NoteSigner('witness.example', witnessKey);
    const witnessVerifier = ed25519NoteVerifier(
      formatVerifierKey('witness.example', SignatureType.ed25519, witnessKey),
    );
    const note = signCheckpoint(checkpoint, [witness]);
    expect(() => openCheckpoint(note, log.verifier, [witnessVerifier])).toThrow(
      noteError('unverified', /not signed by the log key ledger.example.gouv.fr\/portfolio/),
    );
  });

  it('are refused when the log key signed a text that is no checkpoint', () => {
    const note = signNote('not a tree head\n', [log.signer]);
    expect(() => openCheckpoint(note, log.verifier)).toThrow(noteError('malformed', /not a checkpoint/));
  });
});

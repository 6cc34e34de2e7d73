import { generateKeyPairSync } from 'node:crypto';
import { ed25519NoteSigner, ed25519NoteVerifier } from './ed25519-note-key';
import { SignatureType } from './note-key';
import { openNote } from './open-note';
import { signNote } from './sign-note';
import { formatNote, parseNote } from './signed-note';
import { GO_VECTOR, GO_VECTOR_NOTE, goVectorKey } from './testing/go-note-vector';
import { noteError } from './testing/refusals';
import { formatVerifierKey } from './verifier-key';

const goVerifier = ed25519NoteVerifier(GO_VECTOR.vkey);
const otherKey = generateKeyPairSync('ed25519').privateKey;
const other = {
  signer: ed25519NoteSigner('example.com/other', otherKey),
  vkey: formatVerifierKey('example.com/other', SignatureType.ed25519, otherKey),
};

describe('signing and opening notes (Ed25519)', () => {
  it('signs the Go vector’s text into its very signature line', () => {
    expect(signNote(GO_VECTOR.text, [ed25519NoteSigner(GO_VECTOR.name, goVectorKey())])).toBe(GO_VECTOR_NOTE);
  });

  it('opens the Go vector’s note with its vkey', () => {
    const opened = openNote(GO_VECTOR_NOTE, [goVerifier]);
    expect(opened.text).toBe(GO_VECTOR.text);
    expect(opened.verified).toEqual([expect.objectContaining({ name: GO_VECTOR.name, keyId: GO_VECTOR.keyId })]);
  });

  it('reports every known key that signed, in note order', () => {
    const note = signNote('two signers\n', [other.signer, ed25519NoteSigner(GO_VECTOR.name, goVectorKey())]);
    const opened = openNote(note, [goVerifier, ed25519NoteVerifier(other.vkey)]);
    expect(opened.verified.map((s) => s.name)).toEqual(['example.com/other', GO_VECTOR.name]);
  });

  it('ignores signatures by unknown keys, even one sharing the name or the ID of a known key', () => {
    const { signatures } = parseNote(GO_VECTOR_NOTE);
    const [genuine] = signatures;
    const note = formatNote({
      text: GO_VECTOR.text,
      signatures: [
        { ...genuine, name: 'PeterNeumann2' },
        { ...genuine, keyId: genuine.keyId + 1, signature: Buffer.alloc(64) },
        genuine,
        parseNote(signNote(GO_VECTOR.text, [other.signer])).signatures[0],
      ],
    });
    expect(openNote(note, [goVerifier]).verified).toEqual([genuine]);
  });

  it('rejects a note whose text was altered after signing', () => {
    const altered = GO_VECTOR_NOTE.replace('cryptography', 'cryptocurrency');
    expect(() => openNote(altered, [goVerifier])).toThrow(
      noteError('invalid_signature', /PeterNeumann.*does not verify/),
    );
  });

  it('rejects a known key’s signature of the wrong length', () => {
    const [genuine] = parseNote(GO_VECTOR_NOTE).signatures;
    const note = formatNote({
      text: GO_VECTOR.text,
      signatures: [{ ...genuine, signature: genuine.signature.subarray(1) }],
    });
    expect(() => openNote(note, [goVerifier])).toThrow(noteError('invalid_signature', /64 bytes, not 63/));
  });

  it('rejects a signature by another key forged under a known key’s name and ID', () => {
    const forged = signNote(GO_VECTOR.text, [{ ...other.signer, name: GO_VECTOR.name, keyId: GO_VECTOR.keyId }]);
    expect(() => openNote(forged, [goVerifier])).toThrow(noteError('invalid_signature', /does not match/));
  });

  it('rejects a note that no known key signed, naming who did', () => {
    expect(() => openNote(GO_VECTOR_NOTE, [ed25519NoteVerifier(other.vkey)])).toThrow(
      noteError('unverified', /no known key.*PeterNeumann \(key ID c74f20a3\)/),
    );
  });

  it('rejects a note carrying the same known key’s signature twice', () => {
    const twice = `${GO_VECTOR_NOTE}${GO_VECTOR.signatureLine}\n`;
    expect(() => openNote(twice, [goVerifier])).toThrow(noteError('malformed', /two signatures by PeterNeumann/));
  });

  it('signs only what a note can carry', () => {
    expect(() => signNote('no final newline', [other.signer])).toThrow(noteError('malformed', /newline/));
    expect(() => ed25519NoteSigner('with space', otherKey)).toThrow(noteError('malformed', /key name/));
    expect(() => ed25519NoteSigner('example.com/log', generateKeyPairSync('x25519').privateKey)).toThrow(TypeError);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { ed25519PublicKeyBytes, noteKeyId, SignatureType } from './note-key';
import { GO_VECTOR, goVectorKey } from './testing/go-note-vector';
import { noteError } from './testing/refusals';
import { formatVerifierKey, parseVerifierKey, parseVerifierKeyOfType } from './verifier-key';

const [, , GO_KEY_MATERIAL] = GO_VECTOR.vkey.split('+');

function withMaterial(bytes: Buffer): string {
  return `${GO_VECTOR.name}+${GO_VECTOR.keyId.toString(16)}+${bytes.toString('base64')}`;
}

describe('verifier keys', () => {
  it('writes the Go vector’s vkey from its private key', () => {
    expect(formatVerifierKey(GO_VECTOR.name, SignatureType.ed25519, goVectorKey())).toBe(GO_VECTOR.vkey);
  });

  it('reads the Go vector’s vkey: name, key ID, type and the key itself', () => {
    const key = parseVerifierKey(GO_VECTOR.vkey);
    expect(key).toMatchObject({ name: GO_VECTOR.name, keyId: GO_VECTOR.keyId, type: SignatureType.ed25519 });
    expect(ed25519PublicKeyBytes(key.publicKey)).toEqual(ed25519PublicKeyBytes(goVectorKey()));
  });

  it('gives the same key another ID under another signature type, so that one type never passes for the other', () => {
    const raw = ed25519PublicKeyBytes(goVectorKey());
    expect(noteKeyId(GO_VECTOR.name, SignatureType.ed25519, raw)).toBe(GO_VECTOR.keyId);
    expect(noteKeyId(GO_VECTOR.name, SignatureType.cosignatureV1, raw)).not.toBe(GO_VECTOR.keyId);
    const cosigner = parseVerifierKey(formatVerifierKey(GO_VECTOR.name, SignatureType.cosignatureV1, goVectorKey()));
    expect(cosigner).toMatchObject({ type: SignatureType.cosignatureV1, keyId: noteKeyId(GO_VECTOR.name, 4, raw) });
  });

  it('refuses a key ID that is not the key’s', () => {
    const forged = GO_VECTOR.vkey.replace('c74f20a3', 'c74f20a4');
    expect(() => parseVerifierKey(forged)).toThrow(noteError('malformed', /gives key ID c74f20a4.*has ID c74f20a3/));
  });

  it('refuses a key under another name than the one its ID was computed for', () => {
    expect(() => parseVerifierKey(GO_VECTOR.vkey.replace('PeterNeumann', 'PeterNeuman'))).toThrow(
      noteError('malformed', /key ID/),
    );
  });

  it.each([
    ['no key material', 'PeterNeumann+c74f20a3', /<name>\+<8 hex digits>\+<base64>/],
    ['an uppercase key ID', GO_VECTOR.vkey.replace('c74f20a3', 'C74F20A3'), /8 hex digits/],
    ['a short key ID', GO_VECTOR.vkey.replace('c74f20a3', '74f20a3'), /8 hex digits/],
    ['an empty name', GO_VECTOR.vkey.replace('PeterNeumann', ''), /key name/],
    ['a name with a space', GO_VECTOR.vkey.replace('PeterNeumann', 'Peter Neumann'), /key name/],
    ['key material that is not base64', `${GO_VECTOR.vkey}*`, /not base64/],
    ['an unsupported signature type', withMaterial(Buffer.from([0x02, ...Buffer.alloc(32)])), /type 0x02/],
    ['a key that is not 32 bytes', withMaterial(Buffer.from(GO_KEY_MATERIAL, 'base64').subarray(0, 32)), /32 bytes/],
  ])('refuses a vkey with %s', (_case, vkey, message) => {
    expect(() => parseVerifierKey(vkey)).toThrow(noteError('malformed', message));
  });

  it('refuses a key of another signature type where one type is expected', () => {
    expect(() => parseVerifierKeyOfType(GO_VECTOR.vkey, SignatureType.cosignatureV1)).toThrow(
      noteError('malformed', /type 0x01, not 0x04/),
    );
  });

  it('writes vkeys of Ed25519 keys only', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => formatVerifierKey('example.com/log', SignatureType.ed25519, privateKey)).toThrow(TypeError);
  });
});

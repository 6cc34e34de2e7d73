import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  generateSigningKey,
  publicKeyFingerprint,
  publicKeyPem,
  sign,
  signingKeyFromPem,
  signingKeyToPem,
  verifySignature,
} from './signing';

// RFC 8032 §7.1, test 1: the empty message.
const RFC8032 = {
  seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
  publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  signature:
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
};
// DER headers of an Ed25519 PKCS#8 private key and SPKI public key (RFC 8410), followed by the raw 32 bytes.
const PKCS8_PREFIX = '302e020100300506032b657004220420';
const SPKI_PREFIX = '302a300506032b6570032100';

function pem(label: string, derHex: string): string {
  return `-----BEGIN ${label}-----\n${Buffer.from(derHex, 'hex').toString('base64')}\n-----END ${label}-----\n`;
}

const message = Buffer.from('portfolio-ledger', 'utf8');

describe('Ed25519 keys and signatures', () => {
  it('signs as RFC 8032 says, from a PKCS#8 PEM key', () => {
    const key = signingKeyFromPem(pem('PRIVATE KEY', PKCS8_PREFIX + RFC8032.seed));
    expect(Buffer.from(sign(key, Buffer.alloc(0)), 'base64').toString('hex')).toBe(RFC8032.signature);
    expect(publicKeyPem(key)).toBe(pem('PUBLIC KEY', SPKI_PREFIX + RFC8032.publicKey));
  });

  it('fingerprints the SPKI DER of the public key, whichever form it is given in', () => {
    const key = signingKeyFromPem(pem('PRIVATE KEY', PKCS8_PREFIX + RFC8032.seed));
    const expected = `sha256:${createHash('sha256')
      .update(Buffer.from(SPKI_PREFIX + RFC8032.publicKey, 'hex'))
      .digest('hex')}`;
    expect(publicKeyFingerprint(publicKeyPem(key))).toBe(expected);
    expect(publicKeyFingerprint(key)).toBe(expected);
  });

  it('round-trips a key through PKCS#8 PEM', () => {
    const key = generateSigningKey();
    const pemText = signingKeyToPem(key);
    expect(pemText).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(publicKeyPem(signingKeyFromPem(pemText))).toBe(publicKeyPem(key));
  });

  it('refuses keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaPem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signingKeyFromPem(rsaPem)).toThrow(TypeError);
    expect(() => sign(rsa.privateKey, message)).toThrow(TypeError);
    expect(() => signingKeyToPem(rsa.privateKey)).toThrow(TypeError);
    const rsaPublicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => verifySignature(rsaPublicPem, message, 'AAAA')).toThrow(TypeError);
  });

  it('verifies its own signatures and nothing else', () => {
    const key = generateSigningKey();
    const signature = sign(key, message);
    expect(verifySignature(publicKeyPem(key), message, signature)).toBe(true);
    expect(verifySignature(publicKeyPem(key), Buffer.from('portfolio-ledgeR'), signature)).toBe(false);
    expect(verifySignature(publicKeyPem(generateSigningKey()), message, signature)).toBe(false);
  });

  it('answers false, without throwing, for a malformed signature', () => {
    const key = generateSigningKey();
    const signature = sign(key, message);
    const bytes = Buffer.from(signature, 'base64');
    const flipped = Buffer.from(bytes);
    flipped[10] ^= 1;
    const malformed = [
      '',
      'not base64 at all!',
      bytes.subarray(0, 63).toString('base64'),
      Buffer.concat([bytes, Buffer.from([0])]).toString('base64'),
      flipped.toString('base64'),
      `${signature}\n`,
      signature.replace(/=+$/, ''),
      bytes.toString('base64url'),
      123 as unknown as string,
    ];
    for (const bad of malformed) expect(verifySignature(publicKeyPem(key), message, bad)).toBe(false);
  });
});

import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

// The instance's Ed25519 seal key (ARCHITECTURE §8): Ed25519 takes no digest or padding choice, so a signature has
// a single meaning, and an auditor can check it with any standard tool given the public key.

export const SIGNING_KEY_FILE = 'seal-signing-key.pem';
const ED25519_SIGNATURE_BYTES = 64;

export interface LoadedSigningKey {
  readonly key: KeyObject;
  readonly path: string;
  /** True when this call generated the key, so the caller can announce the new key and its fingerprint. */
  readonly created: boolean;
}

// Refusing other key types up front keeps an RSA or EC key from silently signing with some default algorithm.
function assertEd25519(key: KeyObject, type: 'private' | 'public'): KeyObject {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 ${type} key`);
  }
  return key;
}

export function generateSigningKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function signingKeyToPem(key: KeyObject): string {
  return assertEd25519(key, 'private').export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function signingKeyFromPem(pem: string): KeyObject {
  return assertEd25519(createPrivateKey({ key: pem, format: 'pem' }), 'private');
}

/**
 * Reads `<dir>/seal-signing-key.pem`, or generates it on first start. An existing file is never replaced, even a
 * broken one (that throws): replacing the key would orphan every seal it signed.
 */
export async function loadOrCreateSigningKey(dir: string): Promise<LoadedSigningKey> {
  const path = join(dir, SIGNING_KEY_FILE);
  // Read before anything else: a configured key may sit in a read-only mount, where nothing could be written.
  const existing = await readIfPresent(path);
  if (existing !== undefined) return { key: signingKeyFromPem(existing), path, created: false };

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const key = generateSigningKey();
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    await writeDurably(temp, signingKeyToPem(key));
    if (await publishWithoutReplacing(temp, path)) return { key, path, created: true };
  } finally {
    await rm(temp, { force: true });
  }
  // Another process published its key first: use that one, so every instance seals with the same key.
  return { key: signingKeyFromPem(await readFile(path, 'utf8')), path, created: false };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeDurably(path: string, content: string): Promise<void> {
  const file = await open(path, 'wx', 0o600);
  try {
    await file.writeFile(content, 'utf8');
    // Flushed before it becomes visible, so a crash cannot leave a truncated key under the real name.
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Makes `temp` visible as `path` in one step; false if `path` already exists. */
async function publishWithoutReplacing(temp: string, path: string): Promise<boolean> {
  try {
    // link, unlike rename, fails on an existing target instead of replacing it.
    await link(temp, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

// Structural, not instanceof Error: errors raised in another realm (a VM context, a worker) fail instanceof.
function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** SPKI PEM of the key's public half; accepts the private key. */
export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** `sha256:<hex>` over the SPKI DER: the same key always has the same fingerprint, whatever PEM wrapping it came in. */
export function publicKeyFingerprint(publicKey: KeyObject | string): string {
  const der = createPublicKey(publicKey).export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}

/** Ed25519 signature of `bytes`, base64. */
export function sign(key: KeyObject, bytes: Uint8Array): string {
  return cryptoSign(null, bytes, assertEd25519(key, 'private')).toString('base64');
}

/**
 * Whether `signatureB64` is a valid Ed25519 signature of `bytes`. A malformed signature is an invalid one (false);
 * a public key that is not an Ed25519 SPKI PEM throws, since that is a configuration error, not a forgery.
 */
export function verifySignature(publicKey: string, bytes: Uint8Array, signatureB64: string): boolean {
  const key = assertEd25519(createPublicKey({ key: publicKey, format: 'pem' }), 'public');
  if (typeof signatureB64 !== 'string') return false;
  const signature = Buffer.from(signatureB64, 'base64');
  // Node's base64 decoder skips characters it does not know; re-encoding admits exactly one spelling per signature.
  if (signature.length !== ED25519_SIGNATURE_BYTES || signature.toString('base64') !== signatureB64) return false;
  return cryptoVerify(null, bytes, key, signature);
}

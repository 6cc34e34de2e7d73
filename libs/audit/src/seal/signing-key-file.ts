import { randomUUID, type KeyObject } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeKeyFilePrivate } from './private-key-mode';
import { generateSigningKey, signingKeyFromPem, signingKeyToPem } from './signing';

// Where the instance's seal key lives: a configured PEM file, or one generated into the data directory.

export const SIGNING_KEY_FILE = 'seal-signing-key.pem';

export interface LoadedSigningKey {
  readonly key: KeyObject;
  readonly path: string;
  /** True when this call generated the key, so the caller can announce the new key and its fingerprint. */
  readonly created: boolean;
  /** The mode the existing file had when group or others could read it, before it was made 0600: for a log line. */
  readonly tightenedFrom?: number;
}

/** Where to find the key: a configured file, which must exist, else `<dataDir>/seal-signing-key.pem`. */
export interface SigningKeyLocation {
  readonly file?: string;
  readonly dataDir: string;
}

/** The instance's seal key (ARCHITECTURE §8): the configured PEM file, else the data directory's, generated on first start. */
export async function openSigningKey(location: SigningKeyLocation): Promise<LoadedSigningKey> {
  const { file, dataDir } = location;
  // A configured key must exist: generating one here would fork the instances' signatures.
  if (file === undefined) return loadOrCreateSigningKey(dataDir);
  return existingKey(file, await makeKeyFilePrivate(file));
}

/**
 * Reads `<dir>/seal-signing-key.pem`, or generates it on first start. An existing file is never replaced, even a
 * broken one (that throws): replacing the key would orphan every seal it signed.
 */
export async function loadOrCreateSigningKey(dir: string): Promise<LoadedSigningKey> {
  const path = join(dir, SIGNING_KEY_FILE);
  // Looked at before anything is written: the key may sit in a read-only mount, where nothing could be.
  const tightenedFrom = await makePrivateIfPresent(path);
  if (tightenedFrom !== 'absent') return existingKey(path, tightenedFrom);

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

async function existingKey(path: string, tightenedFrom: number | undefined): Promise<LoadedSigningKey> {
  const key = signingKeyFromPem(await readFile(path, 'utf8'));
  return { key, path, created: false, ...(tightenedFrom === undefined ? {} : { tightenedFrom }) };
}

/** makeKeyFilePrivate, or 'absent' when there is no file yet. */
async function makePrivateIfPresent(path: string): Promise<number | undefined | 'absent'> {
  try {
    return await makeKeyFilePrivate(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'absent';
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

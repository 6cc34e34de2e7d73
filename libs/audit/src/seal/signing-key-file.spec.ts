import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, publicKeyPem, signingKeyFromPem, signingKeyToPem } from './signing';
import { loadOrCreateSigningKey, openSigningKey, SIGNING_KEY_FILE } from './signing-key-file';

// Each test works in a directory of its own.
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'audit-signing-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('loadOrCreateSigningKey', () => {
  it('creates the directory and a private key file readable by its owner only', async () => {
    const dir = join(root, 'data', 'nested');
    const loaded = await loadOrCreateSigningKey(dir);
    expect(loaded).toMatchObject({ path: join(dir, SIGNING_KEY_FILE), created: true });
    expect(publicKeyPem(signingKeyFromPem(await readFile(loaded.path, 'utf8')))).toBe(publicKeyPem(loaded.key));
    if (process.platform !== 'win32') expect((await stat(loaded.path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual([SIGNING_KEY_FILE]);
  });

  it('loads the same key on every later start', async () => {
    const first = await loadOrCreateSigningKey(root);
    const second = await loadOrCreateSigningKey(root);
    expect(second.created).toBe(false);
    expect(publicKeyPem(second.key)).toBe(publicKeyPem(first.key));
  });

  it('uses an existing key file as it is when its owner alone can read it', async () => {
    const key = generateSigningKey();
    await writeFile(join(root, SIGNING_KEY_FILE), signingKeyToPem(key), { mode: 0o600 });
    const loaded = await loadOrCreateSigningKey(root);
    expect(loaded).toEqual({ key: expect.anything(), path: join(root, SIGNING_KEY_FILE), created: false });
    expect(publicKeyPem(loaded.key)).toBe(publicKeyPem(key));
  });

  posixOnly.each([0o644, 0o640, 0o604, 0o660])(
    'makes an existing key file of mode %o private, and says so',
    async (mode) => {
      const path = join(root, SIGNING_KEY_FILE);
      await writeFile(path, signingKeyToPem(generateSigningKey()));
      await chmod(path, mode);
      const loaded = await loadOrCreateSigningKey(root);
      expect(loaded.tightenedFrom).toBe(mode);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    },
  );

  it('hands every one of several simultaneous starts the same key, created once', async () => {
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSigningKey(root)));
    expect(new Set(loaded.map(({ key }) => publicKeyPem(key))).size).toBe(1);
    expect(loaded.filter(({ created }) => created)).toHaveLength(1);
    expect(await readdir(root)).toEqual([SIGNING_KEY_FILE]);
  });

  it('never replaces an unreadable key file', async () => {
    const path = join(root, SIGNING_KEY_FILE);
    await writeFile(path, 'not a key');
    await expect(loadOrCreateSigningKey(root)).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('not a key');
  });
});

describe('openSigningKey', () => {
  it('uses the configured file, and generates nothing in the data directory', async () => {
    const file = join(root, 'configured.pem');
    const key = generateSigningKey();
    await writeFile(file, signingKeyToPem(key));
    const loaded = await openSigningKey({ file, dataDir: join(root, 'data') });
    expect(loaded).toMatchObject({ path: file, created: false });
    expect(publicKeyPem(loaded.key)).toBe(publicKeyPem(key));
    expect(await readdir(root)).toEqual(['configured.pem']);
  });

  posixOnly('makes a configured key file that others can read private', async () => {
    const file = join(root, 'configured.pem');
    await writeFile(file, signingKeyToPem(generateSigningKey()), { mode: 0o644 });
    await chmod(file, 0o644);
    const loaded = await openSigningKey({ file, dataDir: join(root, 'data') });
    expect(loaded.tightenedFrom).toBe(0o644);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a configured file that does not exist rather than generate another key', async () => {
    await expect(openSigningKey({ file: join(root, 'missing.pem'), dataDir: root })).rejects.toThrow(/ENOENT/);
    expect(await readdir(root)).toEqual([]);
  });

  it('generates the data directory key when none is configured', async () => {
    const loaded = await openSigningKey({ dataDir: root });
    expect(loaded).toMatchObject({ path: join(root, SIGNING_KEY_FILE), created: true });
  });
});

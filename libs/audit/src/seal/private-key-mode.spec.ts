import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeKeyFilePrivate } from './private-key-mode';

const posixOnly = process.platform === 'win32' ? describe.skip : describe;

posixOnly('makeKeyFilePrivate', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'audit-key-mode-'));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(root, { recursive: true, force: true });
  });

  it('leaves an owner-only file alone', async () => {
    const file = join(root, 'key.pem');
    await writeFile(file, 'key', { mode: 0o400 });
    expect(await makeKeyFilePrivate(file)).toBeUndefined();
    expect((await stat(file)).mode & 0o777).toBe(0o400);
  });

  it('refuses a file others can read whose mode cannot change (a read-only mount), and leaves it as it was', async () => {
    const file = join(root, 'key.pem');
    await writeFile(file, 'key', { mode: 0o644 });
    const readOnly = Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    // The module object itself, which the code under test calls through, not an import's copy of it.
    const fs = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
    jest.spyOn(fs, 'chmod').mockRejectedValue(readOnly);
    await expect(makeKeyFilePrivate(file)).rejects.toThrow(
      `the seal signing key ${file} is open to group or others (mode 0644) and cannot be made private (EROFS)`,
    );
    expect((await stat(file)).mode & 0o777).toBe(0o644);
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileErrorInWords, isSystemError } from './file-error';

const failure = (work: Promise<unknown>) =>
  work.then(
    () => fail('no error'),
    (error: unknown) => error,
  );

describe('fileErrorInWords', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'portfolio-file-error-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('says why a file cannot be read or written, without the error code, the call or the path', async () => {
    const missing = await failure(readFile(join(dir, 'missing.csv')));
    const folder = await failure(readFile(dir));
    await writeFile(join(dir, 'kept.pem'), 'key');
    const existing = await failure(writeFile(join(dir, 'kept.pem'), 'key', { flag: 'wx' }));
    const underAFile = await failure(readFile(join(dir, 'kept.pem', 'x')));
    expect([missing, folder, existing, underAFile].map(fileErrorInWords)).toEqual([
      'there is no such file or folder',
      'it is a folder, not a file',
      'it already exists',
      'a part of its path is a file, not a folder',
    ]);
  });

  it("keeps Node's words of a cause it does not know, without the code, the call and the path", () => {
    const error = Object.assign(new Error("EXDEV: cross-device link not permitted, rename 'a' -> 'b'"), {
      code: 'EXDEV',
      syscall: 'rename',
      path: 'a',
    });
    expect(fileErrorInWords(error)).toBe('cross-device link not permitted');
    expect(fileErrorInWords(new Error('not a zip file'))).toBe('not a zip file');
  });

  it('tells a failed file operation from other errors', async () => {
    expect(isSystemError(await failure(readFile(dir)))).toBe(true);
    expect(
      isSystemError(Object.assign(new Error('Invalid Closing Quote'), { code: 'CSV_INVALID_CLOSING_QUOTE' })),
    ).toBe(false);
  });
});

import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWitnessState, writeWitnessState } from './witness-state';

// The witness state file: absent before the first cosignature, private to the witness, replaced whole.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'witness-state-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const state = { size: 3, root: 'ab'.repeat(32), note: 'log\n3\nq80=\n\n— log AAAA\n' };

describe('the witness state file', () => {
  it('is undefined before the first save', async () => {
    expect(await readWitnessState(join(dir, 'state.json'))).toBeUndefined();
  });

  it('reads back what was saved, with mode 0600 and no temporary file left', async () => {
    const path = join(dir, 'state.json');
    await writeWitnessState(path, { ...state, size: 1 });
    await writeWitnessState(path, state);
    expect(await readWitnessState(path)).toEqual(state);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('refuses a file that is not a witness state', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, '{"size":"three"}');
    await expect(readWitnessState(path)).rejects.toThrow(`the state file ${path} is not a witness state`);
  });
});

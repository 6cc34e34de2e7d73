import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuilt } from '../scripts/build-stamp';

// `npm start` (scripts/start.js) builds only when what the build compiles from changed: here with a compiler that
// counts its runs instead of `nest build`.

let root: string;
let compiled: number;
const compile = (dir: string) => {
  compiled++;
  mkdirSync(join(dir, 'dist'), { recursive: true });
};
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const start = () => ensureBuilt(root, compile);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'portfolio-build-stamp-'));
  compiled = 0;
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'nest-cli.json']) write(file, '{}');
  write('apps/api/src/main.ts', 'main();');
  write('apps/api/src/main.spec.ts', 'it();');
  write('libs/domain/src/decide.ts', 'export const decide = 1;');
  write('libs/domain/src/testing/given.ts', 'export const given = 1;');
  write('apps/web/src/pages/portfolio.tsx', 'export const page = 1;');
  write('scripts/build-web.mjs', 'build();');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start', () => {
  it('builds when there is no build, then starts the build it made without building again', () => {
    expect(start()).toBe(true);
    expect(start()).toBe(false);
    expect(compiled).toBe(1);
  });

  it.each([
    ['a source changed', () => write('libs/domain/src/decide.ts', 'export const decide = 2;')],
    ['a source added', () => write('apps/cli/src/main.ts', 'cli();')],
    ['a page of the web workspace changed', () => write('apps/web/src/pages/portfolio.tsx', 'export const page = 2;')],
    ['the web build changed', () => write('scripts/build-web.mjs', 'build({ minify: false });')],
    ['a source removed', () => rmSync(join(root, 'libs/domain/src/decide.ts'))],
    ['the compiler configuration changed', () => write('tsconfig.json', '{"compilerOptions":{}}')],
    ['the dependencies changed', () => write('package-lock.json', '{"lockfileVersion":3}')],
    ['the lock file was removed', () => rmSync(join(root, 'package-lock.json'))],
  ])('builds again when %s', (_, change) => {
    start();
    change();
    expect(start()).toBe(true);
    expect(compiled).toBe(2);
  });

  it.each([
    ['a test changed', () => write('apps/api/src/main.spec.ts', "it('runs', () => undefined);")],
    ['test support changed', () => write('libs/domain/src/testing/given.ts', 'export const given = 2;')],
    ['a source was rewritten as it was', () => write('libs/domain/src/decide.ts', 'export const decide = 1;')],
  ])('does not build again when only %s', (_, change) => {
    start();
    change();
    expect(start()).toBe(false);
    expect(compiled).toBe(1);
  });

  it('builds again after a build that failed, though nothing changed since', () => {
    start();
    write('libs/domain/src/decide.ts', 'export const decide: string = 2;');
    expect(() =>
      ensureBuilt(root, () => {
        throw new Error('TS2322');
      }),
    ).toThrow('TS2322');
    expect(start()).toBe(true);
    expect(compiled).toBe(2);
  });
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const PACKAGE_INDEX = join(__dirname, '..', 'index.ts');

/** The modules a fresh Node process has loaded once it imports `file` (TypeScript run through tsx). */
function modulesLoadedBy(file: string): string[] {
  const script = `require(${JSON.stringify(file)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' }),
  ) as string[];
}

describe('openKurrentDbEventStore', () => {
  it('leaves the KurrentDB client unloaded until a KurrentDB store is opened', () => {
    const loaded = modulesLoadedBy(PACKAGE_INDEX);

    expect(loaded.some((path) => path.endsWith('/kurrentdb-event-store.ts'))).toBe(false);
    expect(loaded.some((path) => path.includes('@kurrent/kurrentdb-client'))).toBe(false);
    // The probe does see the package's own modules: an empty cache would pass the checks above for nothing.
    expect(loaded.some((path) => path.endsWith('canonical-json.ts'))).toBe(true);
  }, 30_000);
});
